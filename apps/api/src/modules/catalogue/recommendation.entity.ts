import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { PrincipleEntity } from './principle.entity.js';

@Entity('recommendation')
@Unique('recommendation_principle_position_key', ['principleCode', 'position'])
@Check('recommendation_code_check', `"code" ~ '^[A-Z]{2}-[1-9][0-9]?$'`)
@Check('recommendation_position_check', `"position" > 0`)
// Expression index for full-text search, created by hand in the migration; TypeORM must not touch it.
@Index('recommendation_search_idx', { synchronize: false })
export class RecommendationEntity {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'recommendation_pkey' })
  code!: string;

  @Column({ type: 'varchar', length: 2 })
  principleCode!: string;

  @ManyToOne(() => PrincipleEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'principle_code', foreignKeyConstraintName: 'recommendation_principle_code_fkey' })
  principle?: Relation<PrincipleEntity>;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
