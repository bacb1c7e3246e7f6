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
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { CountryEntity } from '../catalogue/country.entity.js';
import { RecommendationEntity } from '../catalogue/recommendation.entity.js';
import { UserEntity } from '../accounts/user.entity.js';

/**
 * A consultation round. `status` is what the secretariat set; whether it accepts contributions
 * right now also depends on the clock (opens_at ≤ now < closes_at), computed where it is read.
 */
@Entity('consultation')
@Check('consultation_title_check', `char_length("title") BETWEEN 3 AND 200`)
@Check('consultation_description_check', `char_length("description") <= 10000`)
@Check('consultation_window_check', `"closes_at" > "opens_at"`)
@Check('consultation_moderation_mode_check', `"moderation_mode" IN ('pre', 'post')`)
@Check('consultation_status_check', `"status" IN ('draft', 'open', 'closed', 'archived')`)
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'consultation_pkey' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Markdown source; the sanitised HTML is kept beside it. */
  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: '' })
  descriptionHtml!: string;

  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text', default: 'post' })
  moderationMode!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'consultation_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('consultation_recommendation')
export class ConsultationRecommendationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'consultation_recommendation_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'consultation_recommendation_pkey' })
  recommendationCode!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_recommendation_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'recommendation_code', foreignKeyConstraintName: 'consultation_recommendation_recommendation_code_fkey' })
  recommendation?: Relation<RecommendationEntity>;
}

@Entity('consultation_country')
export class ConsultationCountryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'consultation_country_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'consultation_country_pkey' })
  countryIso3!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_country_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'country_iso3', foreignKeyConstraintName: 'consultation_country_country_iso3_fkey' })
  country?: Relation<CountryEntity>;
}

/** Who handles a round's safeguarding concerns (admins do while a round has none). */
@Entity('consultation_safeguarding_officer')
@Index('consultation_safeguarding_officer_user_id_idx', ['userId'])
export class ConsultationSafeguardingOfficerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'consultation_safeguarding_officer_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'consultation_safeguarding_officer_pkey' })
  userId!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_safeguarding_officer_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'consultation_safeguarding_officer_user_id_fkey' })
  user?: Relation<UserEntity>;
}

@Entity('consultation_moderator')
export class ConsultationModeratorEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'consultation_moderator_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'consultation_moderator_pkey' })
  userId!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_moderator_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'consultation_moderator_user_id_fkey' })
  user?: Relation<UserEntity>;
}
