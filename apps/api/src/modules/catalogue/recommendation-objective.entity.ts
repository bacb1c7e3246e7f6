import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ObjectiveEntity } from './objective.entity.js';
import { RecommendationEntity } from './recommendation.entity.js';

/** Many-to-many link with a one-line rationale, kept as reviewable data in data/recommendation-objectives.json. */
@Entity('recommendation_objective')
@Index('recommendation_objective_objective_number_idx', ['objectiveNumber'])
export class RecommendationObjectiveEntity {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'recommendation_objective_pkey' })
  recommendationCode!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'recommendation_objective_pkey' })
  objectiveNumber!: number;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'recommendation_code', foreignKeyConstraintName: 'recommendation_objective_recommendation_code_fkey' })
  recommendation?: Relation<RecommendationEntity>;

  @ManyToOne(() => ObjectiveEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'objective_number', foreignKeyConstraintName: 'recommendation_objective_objective_number_fkey' })
  objective?: Relation<ObjectiveEntity>;

  @Column({ type: 'text' })
  rationale!: string;
}
