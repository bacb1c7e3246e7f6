import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';

/**
 * One version of a published house rule. Versions are never edited: a change publishes the next
 * version, so a decision always cites the wording that was in force when it was made.
 * Titles and texts hold every shipped language ({ en, id, ur }).
 */
@Entity('house_rule')
@Unique('house_rule_code_version_key', ['code', 'version'])
@Check('house_rule_code_check', `"code" ~ '^R[0-9]{1,3}$'`)
@Check('house_rule_version_check', `"version" > 0`)
@Check('house_rule_languages_check', `"title" ? 'en' AND "text" ? 'en'`)
export class HouseRuleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'house_rule_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  title!: Record<string, string>;

  @Column({ type: 'jsonb' })
  text!: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'house_rule_published_by_fkey' })
  publisher?: Relation<UserEntity>;
}
