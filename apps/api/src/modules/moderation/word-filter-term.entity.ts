import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';

/** An admin-managed term: block the comment at submission, hold it for review, or flag it. Stored NFKC-normalised, lower case. */
@Entity('word_filter_term')
@Unique('word_filter_term_term_key', ['term'])
@Check('word_filter_term_term_check', `char_length("term") BETWEEN 1 AND 100 AND "term" = lower("term")`)
@Check('word_filter_term_action_check', `"action" IN ('block', 'hold', 'flag')`)
export class WordFilterTermEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'word_filter_term_pkey' })
  id!: string;

  @Column({ type: 'text' })
  term!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'word_filter_term_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
