import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CountryEntity } from '../catalogue/country.entity.js';
import { StakeholderTypeEntity } from '../catalogue/stakeholder-type.entity.js';
import { UserEntity } from '../accounts/user.entity.js';

@Entity('organisation')
@Check('organisation_name_check', `char_length("name") BETWEEN 2 AND 200`)
@Check('organisation_website_check', `"website" ~ '^https?://'`)
// One organisation per name (case-insensitive) and country; expression index made in the migration.
@Index('organisation_name_country_key', { synchronize: false })
@Index('organisation_name_country_idx', { synchronize: false })
@Index('organisation_country_iso3_idx', ['countryIso3'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_pkey' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  stakeholderType!: string;

  @ManyToOne(() => StakeholderTypeEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'stakeholder_type', foreignKeyConstraintName: 'organisation_stakeholder_type_fkey' })
  stakeholderTypeRef?: StakeholderTypeEntity;

  @Column({ type: 'char', length: 3 })
  countryIso3!: string;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'country_iso3', foreignKeyConstraintName: 'organisation_country_iso3_fkey' })
  country?: CountryEntity;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'organisation_verified_by_fkey' })
  verifier?: Relation<UserEntity>;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'organisation_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
