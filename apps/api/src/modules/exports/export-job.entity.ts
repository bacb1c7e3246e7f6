import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { UserSessionEntity } from '../accounts/user-session.entity.js';

/**
 * One export: what was asked (dataset, format, privacy, filters), by whom, and how it went. The
 * pseudonym seed makes a re-run of the same job byte-identical while a new export gets new pseudonyms.
 */
@Entity('export_job')
@Index('export_job_requested_by_idx', ['requestedBy', 'createdAt'])
@Index('export_job_published_idx', ['publishedConsultationId', 'finishedAt'], { where: `"published_consultation_id" IS NOT NULL` })
@Check(
  'export_job_dataset_check',
  `"dataset" IN ('comments', 'ratings', 'official', 'recommendations', 'participation', 'moderation', 'pack', 'report')`,
)
@Check('export_job_format_check', `"format" IN ('csv', 'xlsx', 'ndjson', 'zip', 'pdf')`)
@Check('export_job_privacy_check', `"privacy" IN ('public', 'full')`)
@Check('export_job_locale_check', `"locale" IN ('en', 'id', 'ur', 'ne', 'bn', 'fil', 'th', 'vi', 'zh', 'hi', 'ar', 'ru')`)
@Check('export_job_status_check', `"status" IN ('queued', 'running', 'done', 'failed', 'cancelled')`)
@Check('export_job_progress_check', `"progress" BETWEEN 0 AND 1`)
@Check('export_job_published_check', `"published_consultation_id" IS NULL OR ("privacy" = 'public' AND "dataset" = 'pack')`)
export class ExportJobEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'export_job_pkey' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'export_job_requested_by_fkey' })
  requester?: Relation<UserEntity>;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => UserSessionEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'export_job_session_id_fkey' })
  session?: Relation<UserSessionEntity>;

  @Column({ type: 'text' })
  dataset!: string;

  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text' })
  privacy!: string;

  @Column({ type: 'jsonb', default: {} })
  filters!: Record<string, unknown>;

  @Column({ type: 'boolean', default: false })
  bom!: boolean;

  /** Set when this pack is the round's published open-data pack. */
  @Column({ type: 'uuid', nullable: true })
  publishedConsultationId!: string | null;

  @Column({ type: 'text', default: 'queued' })
  status!: string;

  @Column({ type: 'real', default: 0 })
  progress!: number;

  @Column({ type: 'bigint', nullable: true })
  rowCount!: string | null;

  /** Rows per file of a pack. */
  @Column({ type: 'jsonb', nullable: true })
  rowCounts!: Record<string, number> | null;

  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The language of the pack's README and codebook: the requester's. */
  @Column({ type: 'text', default: 'en' })
  locale!: string;

  /** Per-export key for author pseudonyms (hex). */
  @Column({ type: 'text' })
  pseudonymSeed!: string;

  /** The layout of the files (EXPORT_FORMAT_VERSION when made); published packs of an older layout are regenerated. */
  @Column({ type: 'integer', default: 1 })
  formatVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** A single-use download link: its token is stored hashed, bound to the session that asked for it. */
@Entity('export_download_link')
@Index('export_download_link_export_id_idx', ['exportId'])
export class ExportDownloadLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'export_download_link_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  exportId!: string;

  @ManyToOne(() => ExportJobEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'export_id', foreignKeyConstraintName: 'export_download_link_export_id_fkey' })
  exportJob?: Relation<ExportJobEntity>;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => UserSessionEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'export_download_link_session_id_fkey' })
  session?: Relation<UserSessionEntity>;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
