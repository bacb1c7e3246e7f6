import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The audit chain's head once per UTC day (the first keyed entry written that day), published on the
 * transparency page so that people outside can keep a copy: a later rewrite of the log would no
 * longer match it. Append-only, like the log.
 */
@Entity('audit_head')
@Check('audit_head_position_check', `"position" > 0`)
export class AuditHeadEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'audit_head_pkey' })
  day!: string;

  @Column({ type: 'bigint' })
  position!: string;

  @Column({ type: 'text' })
  mac!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
