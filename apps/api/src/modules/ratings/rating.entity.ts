import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { CountryEntity } from '../catalogue/country.entity.js';
import { RecommendationEntity } from '../catalogue/recommendation.entity.js';
import { StakeholderTypeEntity } from '../catalogue/stakeholder-type.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ConsultationEntity } from '../consultations/consultation.entity.js';

/**
 * A participant's judgement of how far a recommendation is implemented in a country, within a
 * round: 0 Not started … 4 Fully implemented, or "don't know" (score null). One per participant
 * and cell, enforced by the unique constraint; updates replace it and the old value goes to history.
 */
@Entity('rating')
@Unique('rating_one_per_participant_key', ['consultationId', 'recommendationCode', 'countryIso3', 'userId'])
@Index('rating_cell_idx', ['consultationId', 'recommendationCode', 'countryIso3'])
@Index('rating_user_id_idx', ['userId'])
@Check('rating_score_check', `"score" BETWEEN 0 AND 4`)
@Check('rating_dont_know_check', `("score" IS NULL) = "dont_know"`)
@Check('rating_evidence_check', `char_length("evidence") <= 2000`)
@Check('rating_evidence_url_check', `"evidence_url" ~ '^https?://' AND char_length("evidence_url") <= 500`)
export class RatingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rating_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'rating_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @Column({ type: 'varchar', length: 5 })
  recommendationCode!: string;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'recommendation_code', foreignKeyConstraintName: 'rating_recommendation_code_fkey' })
  recommendation?: Relation<RecommendationEntity>;

  @Column({ type: 'char', length: 3 })
  countryIso3!: string;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'country_iso3', foreignKeyConstraintName: 'rating_country_iso3_fkey' })
  country?: Relation<CountryEntity>;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'rating_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'smallint', nullable: true })
  score!: number | null;

  @Column({ type: 'boolean', default: false })
  dontKnow!: boolean;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceUrl!: string | null;

  @Column({ type: 'varchar', length: 32 })
  raterStakeholderType!: string;

  @ManyToOne(() => StakeholderTypeEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'rater_stakeholder_type', foreignKeyConstraintName: 'rating_rater_stakeholder_type_fkey' })
  raterStakeholderTypeRef?: Relation<StakeholderTypeEntity>;

  @Column({ type: 'uuid', nullable: true })
  raterOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'rater_organisation_id', foreignKeyConstraintName: 'rating_rater_organisation_id_fkey' })
  raterOrganisation?: Relation<OrganisationEntity>;

  @Column({ type: 'char', length: 3, nullable: true })
  raterCountryIso3!: string | null;

  @Column({ type: 'boolean', default: false })
  raterProtected!: boolean;

  /** Whether the organisation rated for was verified at the time (the government side of a gap counts only those). */
  @Column({ type: 'boolean', default: false })
  raterOrganisationVerified!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every value a rating had before it was replaced. */
@Entity('rating_revision')
@Index('rating_revision_rating_id_idx', ['ratingId'])
export class RatingRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rating_revision_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  ratingId!: string;

  @ManyToOne(() => RatingEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'rating_id', foreignKeyConstraintName: 'rating_revision_rating_id_fkey' })
  rating?: Relation<RatingEntity>;

  @Column({ type: 'smallint', nullable: true })
  score!: number | null;

  @Column({ type: 'boolean' })
  dontKnow!: boolean;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceUrl!: string | null;

  @Column({ type: 'varchar', length: 32 })
  raterStakeholderType!: string;

  @Column({ type: 'uuid', nullable: true })
  raterOrganisationId!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  raterCountryIso3!: string | null;

  @Column({ type: 'boolean', default: false })
  raterOrganisationVerified!: boolean;

  /** When the value was first given. */
  @Column({ type: 'timestamptz' })
  ratedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  replacedAt!: Date;
}

/**
 * The official status a government posts for its own country: a second track beside the
 * stakeholders' ratings, like a state report beside shadow reports.
 */
@Entity('official_assessment')
@Check('official_assessment_score_check', `"score" BETWEEN 0 AND 4`)
@Check('official_assessment_narrative_check', `char_length("narrative") <= 5000`)
export class OfficialAssessmentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'official_assessment_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'official_assessment_pkey' })
  recommendationCode!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'official_assessment_pkey' })
  countryIso3!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'official_assessment_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'recommendation_code', foreignKeyConstraintName: 'official_assessment_recommendation_code_fkey' })
  recommendation?: Relation<RecommendationEntity>;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'country_iso3', foreignKeyConstraintName: 'official_assessment_country_iso3_fkey' })
  country?: Relation<CountryEntity>;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', default: '' })
  narrative!: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'official_assessment_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'official_assessment_author_id_fkey' })
  author?: Relation<UserEntity>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('official_assessment_revision')
@Index('official_assessment_revision_cell_idx', ['consultationId', 'recommendationCode', 'countryIso3'])
export class OfficialAssessmentRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'official_assessment_revision_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @Column({ type: 'varchar', length: 5 })
  recommendationCode!: string;

  @Column({ type: 'char', length: 3 })
  countryIso3!: string;

  @ManyToOne(() => OfficialAssessmentEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn([
    { name: 'consultation_id', referencedColumnName: 'consultationId' },
    { name: 'recommendation_code', referencedColumnName: 'recommendationCode' },
    { name: 'country_iso3', referencedColumnName: 'countryIso3' },
  ])
  assessment?: Relation<OfficialAssessmentEntity>;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text' })
  narrative!: string;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'timestamptz' })
  assessedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  replacedAt!: Date;
}
