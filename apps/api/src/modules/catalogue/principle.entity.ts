import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity('principle')
@Unique('principle_position_key', ['position'])
@Check('principle_code_check', `"code" ~ '^[A-Z]{2}$'`)
@Check('principle_position_check', `"position" > 0`)
export class PrincipleEntity {
  @PrimaryColumn({ type: 'varchar', length: 2, primaryKeyConstraintName: 'principle_pkey' })
  code!: string;

  /** The chapter's order; exposed as `order` in the API (`order` is a reserved word in SQL). */
  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;
}
