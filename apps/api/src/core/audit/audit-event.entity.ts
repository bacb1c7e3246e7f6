import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Append-only log of privileged actions, hash-chained so that an edited or deleted row is detectable
 * (GET /api/v1/audit/verify). A trigger in the migration refuses UPDATE, DELETE and TRUNCATE, and on
 * PostgreSQL with DATABASE_OWNER_URL the app's role may only INSERT and SELECT. Entries since
 * migration 1795770000000 are also keyed (`position`, `mac`): see audit-chain.ts.
 */
@Entity('audit_event')
@Unique('audit_event_hash_key', ['hash'])
@Unique('audit_event_position_key', ['position'])
@Check('audit_event_position_check', `"position" > 0`)
@Check('audit_event_keyed_check', `("position" IS NULL) = ("mac" IS NULL)`)
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

  /** 1, 2, 3, … in chain order, without gaps; null for entries written before the keyed chain began. */
  @Column({ type: 'bigint', nullable: true })
  position!: string | null;

  /** HMAC-SHA-256 (key from APP_SECRET) over position, the previous entry's MAC and this entry's hash. */
  @Column({ type: 'text', nullable: true })
  mac!: string | null;
}
