import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { CommentEntity } from '../comments/comment.entity.js';
import { ConsultationEntity } from '../consultations/consultation.entity.js';
import { HouseRuleEntity } from './house-rule.entity.js';

/**
 * A suspension until a date, under a rule, with a reason; lifting it keeps the row. It applies to
 * one round (`consultationId`) unless an admin made it global (null). A long or conflicted one waits
 * for a second person's co-signature before it is in force.
 */
@Entity('sanction')
@Index('sanction_user_id_idx', ['userId'])
@Index('sanction_consultation_user_idx', ['consultationId', 'userId'])
@Check('sanction_status_check', `"status" IN ('in-force', 'awaiting-cosign', 'lapsed')`)
@Check('sanction_four_eyes_check', `"cosigned_by" IS NULL OR "cosigned_by" <> "created_by"`)
@Check('sanction_reason_check', `char_length("reason") BETWEEN 1 AND 2000`)
@Check('sanction_until_check', `"until" > "created_at"`)
export class SanctionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sanction_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'sanction_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'timestamptz' })
  until!: Date;

  @Column({ type: 'varchar', length: 8 })
  ruleCode!: string;

  @Column({ type: 'integer' })
  ruleVersion!: number;

  @ManyToOne(() => HouseRuleEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn([
    { name: 'rule_code', referencedColumnName: 'code', foreignKeyConstraintName: 'sanction_rule_fkey' },
    { name: 'rule_version', referencedColumnName: 'version', foreignKeyConstraintName: 'sanction_rule_fkey' },
  ])
  rule?: Relation<HouseRuleEntity>;

  @Column({ type: 'text' })
  reason!: string;

  /** The comment that led to it, when a moderator acted from the queue. */
  @Column({ type: 'uuid', nullable: true })
  commentId!: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'sanction_comment_id_fkey' })
  comment?: Relation<CommentEntity>;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'sanction_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  consultationId!: string | null;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'sanction_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @Column({ type: 'text', default: 'in-force' })
  status!: string;

  @Column({ type: 'uuid', nullable: true })
  cosignedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cosigned_by', foreignKeyConstraintName: 'sanction_cosigned_by_fkey' })
  cosigner?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  cosignedAt!: Date | null;

  /** Like a decision's: the proposer's government ties that made a co-signature necessary. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  conflictTies!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  liftedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'lifted_by', foreignKeyConstraintName: 'sanction_lifted_by_fkey' })
  lifter?: Relation<UserEntity>;
}
