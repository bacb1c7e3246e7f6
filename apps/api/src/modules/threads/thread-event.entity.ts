import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ConsultationEntity } from '../consultations/consultation.entity.js';

/**
 * The ordered log of what happened in a thread (round × recommendation). `seq` is dense and
 * per thread; a client that reconnects asks for everything after the last seq it saw. Events point
 * at the comment or cell they concern; their payload is rendered fresh on replay, so a comment
 * hidden since is replayed as its tombstone.
 */
@Entity('thread_event')
@Check(
  'thread_event_type_check',
  `"type" IN ('comment.created', 'comment.updated', 'comment.removed', 'reactions.updated', 'ratings.summary')`,
)
export class ThreadEventEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_event_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'thread_event_pkey' })
  recommendationCode!: string;

  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'thread_event_pkey' })
  seq!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'thread_event_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @Column({ type: 'text' })
  type!: string;

  /** The comment concerned, or null for a summary event. */
  @Column({ type: 'uuid', nullable: true })
  commentId!: string | null;

  /** The country of a summary event. */
  @Column({ type: 'char', length: 3, nullable: true })
  countryIso3!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The last seq handed out per thread; the row lock serialises writers of one thread only. */
@Entity('thread_sequence')
export class ThreadSequenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_sequence_pkey' })
  consultationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'thread_sequence_pkey' })
  recommendationCode!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'thread_sequence_consultation_id_fkey' })
  consultation?: Relation<ConsultationEntity>;

  @Column({ type: 'bigint', default: 0 })
  lastSeq!: string;
}
