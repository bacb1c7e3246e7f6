import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { ModerationDecisionEntity } from './moderation-decision.entity.js';

/** An author's appeal against a decision: one per decision, decided once, by someone else. */
@Entity('appeal')
@Unique('appeal_decision_id_key', ['decisionId'])
@Check('appeal_text_check', `char_length("text") BETWEEN 1 AND 4000`)
@Check('appeal_outcome_check', `"outcome" IN ('upheld', 'overturned')`)
@Check('appeal_decided_check', `("outcome" IS NULL) = ("decided_at" IS NULL) AND ("outcome" IS NULL OR "outcome_reason" IS NOT NULL)`)
export class AppealEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeal_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  decisionId!: string;

  @ManyToOne(() => ModerationDecisionEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'appeal_decision_id_fkey' })
  decision?: Relation<ModerationDecisionEntity>;

  @Column({ type: 'uuid', nullable: true })
  appellantId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'appellant_id', foreignKeyConstraintName: 'appeal_appellant_id_fkey' })
  appellant?: Relation<UserEntity>;

  @Column({ type: 'text' })
  text!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  outcomeReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'appeal_decided_by_fkey' })
  decider?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
