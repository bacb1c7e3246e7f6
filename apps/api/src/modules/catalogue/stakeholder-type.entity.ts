import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity('stakeholder_type')
// Checked at commit: the seeder may move types to new positions in one transaction (a new type takes the place of one moving on).
@Unique('stakeholder_type_position_key', ['position'], { deferrable: 'INITIALLY DEFERRED' })
@Check('stakeholder_type_side_check', `"side" IN ('government', 'civil-society', 'other')`)
export class StakeholderTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'stakeholder_type_pkey' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text' })
  side!: string;

  @Column({ type: 'smallint' })
  position!: number;
}
