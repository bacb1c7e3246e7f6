import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Append-only log of privileged actions, hash-chained so that an edited or deleted row is detectable
 * (GET /api/v1/audit/verify). A trigger in the migration refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_event')
@Unique('audit_event_hash_key', ['hash'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'audit_event_pkey' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Account id of who acted; null for the system. No foreign key: the log outlives accounts. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  targetType!: string;

  @Column({ type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: Record<string, unknown>;

  @Column({ type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
