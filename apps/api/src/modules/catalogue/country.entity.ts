import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('country')
@Check('country_iso3_check', `"iso3" ~ '^[A-Z]{3}$'`)
@Check(
  'country_subregion_check',
  `"subregion" IN ('East and North-East Asia', 'South-East Asia', 'South and South-West Asia', 'North and Central Asia', 'Pacific')`,
)
@Check('country_membership_check', `"membership" IN ('member', 'associate')`)
// A country in the ESCAP region has a subregion; a destination outside it has none.
@Check('country_in_region_check', `"in_region" = ("subregion" IS NOT NULL)`)
export class CountryEntity {
  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'country_pkey' })
  iso3!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  subregion!: string | null;

  @Column({ type: 'boolean' })
  inRegion!: boolean;

  /** ESCAP membership: full member or associate member; null outside the region. */
  @Column({ type: 'text', nullable: true })
  membership!: string | null;
}
