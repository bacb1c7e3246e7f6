import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

@Entity('organisation_membership')
@Index('organisation_membership_user_id_idx', ['userId'])
@Unique('organisation_membership_id_key', ['id'])
@Check('organisation_membership_role_check', `"role" IN ('admin', 'member')`)
@Check('organisation_membership_status_check', `"status" IN ('pending', 'active')`)
export class OrganisationMembershipEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organisation_membership_pkey' })
  organisationId!: string;

  /**
   * The membership's own opaque id: what the organisation's admins handle instead of the person's
   * account id (a protected member is shown to them only under an alias derived from it).
   */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  id!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organisation_membership_pkey' })
  userId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_membership_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'organisation_membership_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text', default: 'member' })
  role!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
