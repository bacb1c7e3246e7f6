import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';

/**
 * A write made with an Idempotency-Key: the request's fingerprint and, once done, the response.
 * A retry with the same key and body gets the stored response; a different body gets 422.
 */
@Entity('idempotency_key')
@Index('idempotency_key_created_at_idx', ['createdAt'])
@Check('idempotency_key_key_check', `char_length("key") BETWEEN 1 AND 200`)
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'idempotency_key_pkey' })
  userId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pkey' })
  key!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'idempotency_key_user_id_fkey' })
  user?: Relation<UserEntity>;

  /** Method and route template, e.g. `POST /consultations/:id/recommendations/:code/comments`. */
  @Column({ type: 'text' })
  operation!: string;

  /** SHA-256 of the method, path and canonical body. */
  @Column({ type: 'text' })
  requestHash!: string;

  /** Null while the first request is still running. */
  @Column({ type: 'smallint', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  /** The database session that claimed the key (pid and start time): gone means the claimer died. */
  @Column({ type: 'integer', nullable: true })
  claimedByPid!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedByStart!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
