import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CountryEntity } from '../catalogue/country.entity.js';
import { RecommendationEntity } from '../catalogue/recommendation.entity.js';
import { ConsultationEntity } from '../consultations/consultation.entity.js';
import { UserEntity } from '../accounts/user.entity.js';

/**
 * A rating cell (round × recommendation × country) as the public sees it: the number of its
 * latest release, and when an account behind one of its ratings comes of age (so the sweep knows
 * when to look again). Its row lock serialises releases of the cell.
 */
@Entity('rating_cell')
export class RatingCellEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'rating_cell_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'rating_cell_pkey' })
  recommendationCode!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'rating_cell_pkey' })
  countryIso3!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'rating_cell_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'recommendation_code', foreignKeyConstraintName: 'rating_cell_recommendation_code_fkey' })
  recommendation?: Relation<RecommendationEntity>;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'country_iso3', foreignKeyConstraintName: 'rating_cell_country_iso3_fkey' })
  country?: Relation<CountryEntity>;

  /** 0 until the cell is first published. */
  @Column({ type: 'integer', default: 0 })
  lastRelease!: number;

  /** The earliest moment a rating of this cell that does not count yet will count (its account comes of age). */
  @Index('rating_cell_check_at_idx')
  @Column({ type: 'timestamptz', nullable: true })
  checkAt!: Date | null;
}

/** One published state of a cell: which groups were published, and the perception gap if it was. */
@Entity('rating_release')
@Check('rating_release_no_check', `"release_no" >= 1`)
@Check('rating_release_gap_check', `("gap_value" IS NULL) = ("gap_ci_low" IS NULL) AND ("gap_value" IS NULL) = ("gap_ci_high" IS NULL)`)
export class RatingReleaseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'rating_release_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'rating_release_pkey' })
  recommendationCode!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'rating_release_pkey' })
  countryIso3!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'rating_release_pkey' })
  releaseNo!: number;

  @ManyToOne(() => RatingCellEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn([
    { name: 'consultation_id', referencedColumnName: 'consultationId', foreignKeyConstraintName: 'rating_release_cell_fkey' },
    { name: 'recommendation_code', referencedColumnName: 'recommendationCode' },
    { name: 'country_iso3', referencedColumnName: 'countryIso3' },
  ])
  cell?: Relation<RatingCellEntity>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  releasedAt!: Date;

  /** 'total', 'dk', 'side:G', 'side:C', 'type:<stakeholder type>' */
  @Column({ type: 'text', array: true })
  predicates!: string[];

  @Column({ type: 'double precision', nullable: true })
  gapValue!: number | null;

  @Column({ type: 'double precision', nullable: true })
  gapCiLow!: number | null;

  @Column({ type: 'double precision', nullable: true })
  gapCiHigh!: number | null;
}

/**
 * The ratings behind releases, as published: one row per rating and unchanged published value,
 * valid from one release until (not including) another. Internal only — never exported, never
 * returned. The rater's account is kept to count people (coverage, participation) without going
 * back to the ratings table.
 */
@Entity('released_rating')
@Index('released_rating_cell_idx', ['consultationId', 'recommendationCode', 'countryIso3'])
@Index('released_rating_open_key', ['ratingId'], { unique: true, where: '"to_release" IS NULL' })
// Who is shown now, read without the table: coverage and participation count people from it.
@Index('released_rating_open_people_idx', ['consultationId', 'recommendationCode', 'countryIso3', 'dontKnow', 'userId'], {
  where: '"to_release" IS NULL',
})
@Check('released_rating_score_check', `"score" BETWEEN 0 AND 4`)
@Check('released_rating_dont_know_check', `("score" IS NULL) = "dont_know"`)
@Check('released_rating_side_check', `"side" IN ('G', 'C', 'O')`)
@Check('released_rating_interval_check', `"to_release" IS NULL OR "to_release" > "from_release"`)
export class ReleasedRatingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'released_rating_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @Column({ type: 'varchar', length: 5 })
  recommendationCode!: string;

  @Column({ type: 'char', length: 3 })
  countryIso3!: string;

  @ManyToOne(() => RatingCellEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn([
    { name: 'consultation_id', referencedColumnName: 'consultationId', foreignKeyConstraintName: 'released_rating_cell_fkey' },
    { name: 'recommendation_code', referencedColumnName: 'recommendationCode' },
    { name: 'country_iso3', referencedColumnName: 'countryIso3' },
  ])
  cell?: Relation<RatingCellEntity>;

  /** The rating (no foreign key: a withdrawn rating's published value stays until a release can drop it). */
  @Column({ type: 'uuid' })
  ratingId!: string;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'released_rating_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'smallint', nullable: true })
  score!: number | null;

  @Column({ type: 'boolean' })
  dontKnow!: boolean;

  @Column({ type: 'varchar', length: 32 })
  stakeholderType!: string;

  /** G: the rated country's own verified government bodies; C: civil society; O: others. */
  @Column({ type: 'char', length: 1 })
  side!: string;

  @Column({ type: 'integer' })
  fromRelease!: number;

  /** When release `from_release` was made: the only moment public figures tell about this rating. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  releasedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  toRelease!: number | null;
}

/**
 * A published group of a release: its people and counts per score (the counts of a breakdown are
 * kept for medians and pooling, and leave the server only as n and median). Nothing is stored for
 * fewer than five people — the database refuses it.
 */
@Entity('rating_statistic')
@Check('rating_statistic_people_check', `"people" >= 5`)
@Check('rating_statistic_counts_check', `"s0" >= 0 AND "s1" >= 0 AND "s2" >= 0 AND "s3" >= 0 AND "s4" >= 0`)
export class RatingStatisticEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'rating_statistic_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'rating_statistic_pkey' })
  recommendationCode!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'rating_statistic_pkey' })
  countryIso3!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'rating_statistic_pkey' })
  releaseNo!: number;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'rating_statistic_pkey' })
  predicate!: string;

  @ManyToOne(() => RatingReleaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn([
    { name: 'consultation_id', referencedColumnName: 'consultationId', foreignKeyConstraintName: 'rating_statistic_release_fkey' },
    { name: 'recommendation_code', referencedColumnName: 'recommendationCode' },
    { name: 'country_iso3', referencedColumnName: 'countryIso3' },
    { name: 'release_no', referencedColumnName: 'releaseNo' },
  ])
  release?: Relation<RatingReleaseEntity>;

  @Column({ type: 'integer' })
  people!: number;

  @Column({ type: 'integer', default: 0 })
  s0!: number;

  @Column({ type: 'integer', default: 0 })
  s1!: number;

  @Column({ type: 'integer', default: 0 })
  s2!: number;

  @Column({ type: 'integer', default: 0 })
  s3!: number;

  @Column({ type: 'integer', default: 0 })
  s4!: number;
}
