import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { AppealEntity } from '../moderation/appeal.entity.js';
import { ModerationDecisionEntity } from '../moderation/moderation-decision.entity.js';
import { SanctionEntity } from '../moderation/sanction.entity.js';

/**
 * One message in a person's notification centre. It points at what it is about (a decision, an
 * appeal, a sanction); the wording is rendered in the reader's language when read.
 */
@Entity('notification')
@Index('notification_user_id_idx', ['userId', 'createdAt'])
@Check('notification_kind_check', `"kind" IN ('moderation.decision', 'appeal.outcome', 'sanction', 'comment.held')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notification_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  kind!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decisionId!: string | null;

  @ManyToOne(() => ModerationDecisionEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'notification_decision_id_fkey' })
  decision?: Relation<ModerationDecisionEntity>;

  @Column({ type: 'uuid', nullable: true })
  appealId!: string | null;

  @ManyToOne(() => AppealEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'appeal_id', foreignKeyConstraintName: 'notification_appeal_id_fkey' })
  appeal?: Relation<AppealEntity>;

  @Column({ type: 'uuid', nullable: true })
  sanctionId!: string | null;

  @ManyToOne(() => SanctionEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'sanction_id', foreignKeyConstraintName: 'notification_sanction_id_fkey' })
  sanction?: Relation<SanctionEntity>;

  @Column({ type: 'uuid', nullable: true })
  commentId!: string | null;
}
