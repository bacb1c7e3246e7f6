import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { CommentEntity } from '../comments/comment.entity.js';

/** A report on a comment: once per person and comment. Who flagged is never shown to anyone. */
@Entity('comment_flag')
@Unique('comment_flag_comment_id_user_id_key', ['commentId', 'userId'])
@Check('comment_flag_reason_check', `"reason" IN ('spam', 'abuse', 'personal-data', 'off-topic', 'misinformation', 'safeguarding')`)
@Check('comment_flag_note_check', `char_length("note") <= 1000`)
export class CommentFlagEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'comment_flag_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  commentId!: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'comment_flag_comment_id_fkey' })
  comment?: Relation<CommentEntity>;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'comment_flag_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** A keyed hash of the reporter's client address (never the address): reports from one place count once. */
  @Column({ type: 'text', nullable: true })
  clientKey!: string | null;

  /** The reporting account was established (old enough, confirmed) when it reported. */
  @Column({ type: 'boolean', default: false })
  reporterEstablished!: boolean;

  /** The reporter was an active member of a verified organisation when it reported. */
  @Column({ type: 'boolean', default: false })
  reporterVerifiedMember!: boolean;

  /** Set when a decision dealt with the comment; later flags queue it again. */
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
