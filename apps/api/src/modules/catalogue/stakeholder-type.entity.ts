import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity('stakeholder_type')
@Unique('stakeholder_type_position_key', ['position'])
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
