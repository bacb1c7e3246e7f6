import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { ModerationDecisionEntity } from './moderation-decision.entity.js';
import { SanctionEntity } from './sanction.entity.js';

/** An appeal against a decision or a sanction: one per decision or sanction, decided once, by someone else. */
@Entity('appeal')
@Unique('appeal_decision_id_key', ['decisionId'])
@Unique('appeal_sanction_id_key', ['sanctionId'])
@Check('appeal_subject_check', `num_nonnulls("decision_id", "sanction_id") = 1`)
@Check('appeal_text_check', `char_length("text") BETWEEN 1 AND 4000`)
@Check('appeal_outcome_check', `"outcome" IN ('upheld', 'overturned')`)
@Check('appeal_decided_check', `("outcome" IS NULL) = ("decided_at" IS NULL) AND ("outcome" IS NULL OR "outcome_reason" IS NOT NULL)`)
export class AppealEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeal_pkey' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  decisionId!: string | null;

  @ManyToOne(() => ModerationDecisionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'appeal_decision_id_fkey' })
  decision?: Relation<ModerationDecisionEntity>;

  @Column({ type: 'uuid', nullable: true })
  sanctionId!: string | null;

  @ManyToOne(() => SanctionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'sanction_id', foreignKeyConstraintName: 'appeal_sanction_id_fkey' })
  sanction?: Relation<SanctionEntity>;

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
