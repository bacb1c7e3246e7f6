import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { CommentEntity } from '../comments/comment.entity.js';
import { ConsultationEntity } from '../consultations/consultation.entity.js';
import { CountryEntity } from '../catalogue/country.entity.js';
import { HouseRuleEntity } from './house-rule.entity.js';
import { AppealEntity } from './appeal.entity.js';

/**
 * A moderation decision: who, when, what, under which rule version, why. Immutable: a trigger
 * refuses deletes and any update but the one that applies (co-signs) or lapses a decision that
 * was waiting for a second moderator.
 */
@Entity('moderation_decision')
@Index('moderation_decision_comment_id_idx', ['commentId', 'decidedAt'])
@Index('moderation_decision_consultation_id_idx', ['consultationId', 'decidedAt'])
@Index('moderation_decision_awaiting_key', ['commentId'], { unique: true, where: `"status" = 'awaiting-cosign'` })
@Check('moderation_decision_action_check', `"action" IN ('approve', 'hide', 'restore', 'reject')`)
@Check('moderation_decision_status_check', `"status" IN ('applied', 'awaiting-cosign', 'lapsed')`)
@Check('moderation_decision_reason_check', `char_length("reason") BETWEEN 1 AND 2000`)
@Check('moderation_decision_applied_check', `("status" = 'applied') = ("applied_at" IS NOT NULL)`)
@Check('moderation_decision_four_eyes_check', `"cosigned_by" IS NULL OR "cosigned_by" <> "decided_by"`)
export class ModerationDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'moderation_decision_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  commentId!: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'moderation_decision_comment_id_fkey' })
  comment?: Relation<CommentEntity>;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'moderation_decision_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'varchar', length: 8 })
  ruleCode!: string;

  @Column({ type: 'integer' })
  ruleVersion!: number;

  @ManyToOne(() => HouseRuleEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn([
    { name: 'rule_code', referencedColumnName: 'code', foreignKeyConstraintName: 'moderation_decision_rule_fkey' },
    { name: 'rule_version', referencedColumnName: 'version', foreignKeyConstraintName: 'moderation_decision_rule_fkey' },
  ])
  rule?: Relation<HouseRuleEntity>;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'moderation_decision_decided_by_fkey' })
  decider?: Relation<UserEntity>;

  /** The decider's name as they acted (their pseudonym if protected then): never follows a later switch. */
  @Column({ type: 'text', nullable: true })
  decidedByLabel!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cosignedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cosigned_by', foreignKeyConstraintName: 'moderation_decision_cosigned_by_fkey' })
  cosigner?: Relation<UserEntity>;

  /** The co-signer's name as they co-signed, like decidedByLabel. */
  @Column({ type: 'text', nullable: true })
  cosignedByLabel!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cosignedAt!: Date | null;

  /** The country whose government the decider is tied to, when a co-signature was needed. */
  @Column({ type: 'char', length: 3, nullable: true })
  conflictCountryIso3!: string | null;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'conflict_country_iso3', foreignKeyConstraintName: 'moderation_decision_conflict_country_iso3_fkey' })
  conflictCountry?: Relation<CountryEntity>;

  /**
   * The decider's government ties that made a co-signature necessary, recorded at proposal time (a
   * co-signer shares none). Never shown: for a protected author it would say where they are from.
   */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  conflictTies!: string[];

  /** The comment's version the decision was made against (optimistic lock). */
  @Column({ type: 'integer' })
  commentVersion!: number;

  @Column({ type: 'text' })
  fromStatus!: string;

  /** When the comment entered the queue (or was written): time to decision for the transparency page. */
  @Column({ type: 'timestamptz' })
  queuedAt!: Date;

  /** Set when this decision is the outcome of an appeal that overturned an earlier one. */
  @Column({ type: 'uuid', nullable: true })
  appealId!: string | null;

  @ManyToOne(() => AppealEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'appeal_id', foreignKeyConstraintName: 'moderation_decision_appeal_id_fkey' })
  appeal?: Relation<AppealEntity>;
}
