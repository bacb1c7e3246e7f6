import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { CountryEntity } from '../catalogue/country.entity.js';
import { StakeholderTypeEntity } from '../catalogue/stakeholder-type.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/** A person's account. `app_user` because `user` is reserved in SQL. */
@Entity('app_user')
@Unique('app_user_email_normalized_key', ['emailNormalized'])
@Unique('app_user_pseudonym_key', ['pseudonym'])
@Unique('app_user_mailbox_key', ['mailbox'])
@Check('app_user_display_name_check', `char_length("display_name") BETWEEN 1 AND 80`)
@Check('app_user_locale_check', `"locale" IN ('en', 'id', 'ur', 'ne', 'bn', 'fil', 'th', 'vi', 'zh', 'hi', 'ar', 'ru')`)
@Check('app_user_roles_check', `cardinality("roles") > 0 AND "roles" <@ ARRAY['participant', 'moderator', 'safeguarding', 'admin']::text[]`)
@Check('app_user_privacy_mode_check', `"privacy_mode" IN ('public', 'protected')`)
@Check('app_user_status_check', `"status" IN ('active', 'erased')`)
// An erased account keeps no way to reach or identify the person.
@Check('app_user_erased_check', `"status" = 'active' OR ("email" IS NULL AND "email_normalized" IS NULL AND "password_hash" IS NULL)`)
// One account per mailbox while it lives; erasure frees the mailbox.
@Check('app_user_mailbox_check', `("mailbox" IS NOT NULL) = ("status" = 'active')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'app_user_pkey' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Trimmed and lower-cased: the key for sign-in and uniqueness. */
  @Column({ type: 'text', nullable: true })
  emailNormalized!: string | null;

  /**
   * The mailbox the address delivers to (no +tag; no dots at Gmail — see canonicalMailbox): unique,
   * so one mailbox holds one account. `<mailbox>#<id>` marks a later twin that existed before the rule.
   */
  @Column({ type: 'text', nullable: true })
  mailbox!: string | null;

  @Column({ type: 'text' })
  displayName!: string;

  /** argon2id, PHC string format. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale!: string;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ type: 'text', array: true, default: () => `'{participant}'` })
  roles!: string[];

  @Column({ type: 'text', default: 'public' })
  privacyMode!: string;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ type: 'varchar', length: 32, default: 'individual' })
  stakeholderType!: string;

  @ManyToOne(() => StakeholderTypeEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'stakeholder_type', foreignKeyConstraintName: 'app_user_stakeholder_type_fkey' })
  stakeholderTypeRef?: StakeholderTypeEntity;

  @Column({ type: 'char', length: 3, nullable: true })
  countryIso3!: string | null;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'country_iso3', foreignKeyConstraintName: 'app_user_country_iso3_fkey' })
  country?: CountryEntity;

  /** The organisation this person acts for by default (an active membership, checked by the service). */
  @Column({ type: 'uuid', nullable: true })
  actingOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'acting_organisation_id', foreignKeyConstraintName: 'app_user_acting_organisation_id_fkey' })
  actingOrganisation?: Relation<OrganisationEntity>;

  @Column({ type: 'text', default: 'active' })
  status!: string;

  /** Set by a sanction: no sign-in and no session until then (see moderation/sanctions). */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
