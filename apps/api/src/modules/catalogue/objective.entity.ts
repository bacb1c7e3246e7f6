import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('objective')
@Check('objective_number_check', `"number" BETWEEN 1 AND 23`)
export class ObjectiveEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'objective_pkey' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;
}
