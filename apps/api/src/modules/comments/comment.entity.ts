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
  VersionColumn,
  type Relation,
} from 'typeorm';
import { CountryEntity } from '../catalogue/country.entity.js';
import { RecommendationEntity } from '../catalogue/recommendation.entity.js';
import { StakeholderTypeEntity } from '../catalogue/stakeholder-type.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ConsultationEntity } from '../consultations/consultation.entity.js';

/**
 * A comment on a recommendation within a round. Who the author acted as (stakeholder type,
 * organisation, country, protected or not, and under which pseudonym) is copied in at writing time
 * and never follows later profile changes. Deleted and moderated comments stay as rows: the thread keeps a tombstone.
 */
@Entity('comment')
@Index('comment_thread_idx', ['consultationId', 'recommendationCode', 'rootId', 'createdAt'])
@Index('comment_thread_roots_idx', ['consultationId', 'recommendationCode', 'createdAt', 'id'], { where: `"parent_id" IS NULL` })
@Index('comment_author_recent_idx', ['authorId', 'createdAt'])
@Index('comment_parent_id_idx', ['parentId'])
@Index('comment_search_idx', { synchronize: false })
@Check('comment_depth_check', `"depth" BETWEEN 0 AND 3`)
@Check('comment_parent_depth_check', `("parent_id" IS NULL) = ("depth" = 0)`)
@Check('comment_body_check', `char_length("body") <= 5000`)
@Check('comment_stance_check', `"stance" IN ('supports', 'concern', 'information', 'question')`)
@Check('comment_status_check', `"status" IN ('published', 'pending', 'hidden', 'rejected', 'deleted')`)
@Check('comment_counts_check', `"agree_count" >= 0 AND "disagree_count" >= 0`)
@Check('comment_flag_count_check', `"flag_count" >= 0`)
@Check('comment_review_queue_check', `"review_queue" IN ('general', 'safeguarding')`)
@Check('comment_held_reason_check', `"held_reason" IN ('pre-moderation', 'new-account', 'word-filter', 'flags', 'safeguarding', 'edit')`)
@Check(
  'comment_pending_edit_check',
  `("pending_body" IS NULL) = ("pending_body_html" IS NULL) AND ("pending_body" IS NULL) = ("pending_edit_at" IS NULL)`,
)
@Check('comment_queued_check', `("review_queue" IS NULL) = ("queued_at" IS NULL)`)
// A protected comment carries its pseudonym; only a public one can be anonymised later.
@Check('comment_author_pseudonym_check', `"author_protected" = ("author_pseudonym" IS NOT NULL)`)
@Check('comment_author_anonymised_check', `NOT ("author_anonymised" AND "author_protected")`)
@Index('comment_review_general_idx', ['consultationId', 'queuedAt'], { where: `"review_queue" = 'general'` })
@Index('comment_review_safeguarding_idx', ['queuedAt'], { where: `"review_queue" = 'safeguarding'` })
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'comment_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'comment_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @Column({ type: 'varchar', length: 5 })
  recommendationCode!: string;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'recommendation_code', foreignKeyConstraintName: 'comment_recommendation_code_fkey' })
  recommendation?: Relation<RecommendationEntity>;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'comment_parent_id_fkey' })
  parent?: Relation<CommentEntity>;

  /** The top-level comment of this thread branch (itself for a top-level comment): pages are cut by it. */
  @Column({ type: 'uuid' })
  rootId!: string;

  @Column({ type: 'smallint', default: 0 })
  depth!: number;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'comment_author_id_fkey' })
  author?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 32 })
  authorStakeholderType!: string;

  @ManyToOne(() => StakeholderTypeEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'author_stakeholder_type', foreignKeyConstraintName: 'comment_author_stakeholder_type_fkey' })
  authorStakeholderTypeRef?: Relation<StakeholderTypeEntity>;

  @Column({ type: 'uuid', nullable: true })
  authorOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_organisation_id', foreignKeyConstraintName: 'comment_author_organisation_id_fkey' })
  authorOrganisation?: Relation<OrganisationEntity>;

  @Column({ type: 'char', length: 3, nullable: true })
  authorCountryIso3!: string | null;

  @Column({ type: 'boolean', default: false })
  authorProtected!: boolean;

  /**
   * The pseudonym the author wrote under, when protected; the comment shows it and nothing else,
   * whatever the author's mode or pseudonym later (see author-label.ts).
   */
  @Column({ type: 'text', nullable: true })
  authorPseudonym!: string | null;

  /** Set when the author, turning protection on, asked their earlier public comments to read "Former participant". */
  @Column({ type: 'boolean', default: false })
  authorAnonymised!: boolean;

  /** The country the comment is about, if any. */
  @Column({ type: 'char', length: 3, nullable: true })
  countryIso3!: string | null;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'country_iso3', foreignKeyConstraintName: 'comment_country_iso3_fkey' })
  country?: Relation<CountryEntity>;

  @Column({ type: 'text', nullable: true })
  stance!: string | null;

  /** BCP 47 tag of the comment's language. */
  @Column({ type: 'varchar', length: 35, nullable: true })
  language!: string | null;

  /** Markdown source as written. */
  @Column({ type: 'text' })
  body!: string;

  /** Sanitised HTML rendered from `body` on the server. */
  @Column({ type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'text', default: 'published' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  agreeCount!: number;

  @Column({ type: 'integer', default: 0 })
  disagreeCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** Unresolved flags (a decision resolves them). */
  @Column({ type: 'integer', default: 0 })
  flagCount!: number;

  /** The moderation queue this comment waits in, if any: general moderators or the restricted safeguarding queue. */
  @Column({ type: 'text', nullable: true })
  reviewQueue!: string | null;

  /** Why it was held or queued (pre-moderation, a new account, the word filter, flags, a safeguarding concern). */
  @Column({ type: 'text', nullable: true })
  heldReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  queuedAt!: Date | null;

  /** An edit waiting for a moderator: the published text stays until it is approved. */
  @Column({ type: 'text', nullable: true })
  pendingBody!: string | null;

  @Column({ type: 'text', nullable: true })
  pendingBodyHtml!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pendingEditAt!: Date | null;

  /** The rule of the decision that hid or rejected it (the tombstone cites it). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  moderationRule!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  moderatedAt!: Date | null;

  /** Chosen by a moderator to be quoted in the round's report. */
  @Column({ type: 'timestamptz', nullable: true })
  highlightedAt!: Date | null;

  /** Optimistic lock for moderation decisions. */
  @VersionColumn({ default: 1 })
  version!: number;
}

/** Earlier versions of an edited comment. */
@Entity('comment_revision')
@Index('comment_revision_comment_id_idx', ['commentId'])
export class CommentRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'comment_revision_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  commentId!: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'comment_revision_comment_id_fkey' })
  comment?: Relation<CommentEntity>;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  bodyHtml!: string;

  /** When this version was replaced. */
  @CreateDateColumn({ type: 'timestamptz' })
  replacedAt!: Date;
}

@Entity('comment_reaction')
@Check('comment_reaction_kind_check', `"kind" IN ('agree', 'disagree')`)
export class CommentReactionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'comment_reaction_pkey' })
  commentId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'comment_reaction_pkey' })
  userId!: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'comment_reaction_comment_id_fkey' })
  comment?: Relation<CommentEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'comment_reaction_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  kind!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
