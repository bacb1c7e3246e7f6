import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { UserEntity } from './user.entity.js';

/** Single-use tokens sent by mail (verification, password reset), stored only as hashes. */
@Entity('email_token')
@Unique('email_token_token_hash_key', ['tokenHash'])
@Index('email_token_user_id_idx', ['userId'])
@Check('email_token_purpose_check', `"purpose" IN ('verify-email', 'password-reset')`)
export class EmailTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_token_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'email_token_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
