import type { Country } from '@compact-voices/contracts';
import { useMemo } from 'react';
import { useContentLang } from '../lib/use-content-lang';

/**
 * <option>s for a country <select>, alphabetical. Names come from the catalogue in English and
 * are marked so (lang="en") when the interface is in another language.
 */
export function CountryOptions({ countries }: { countries: readonly Country[] }) {
  const contentLang = useContentLang();
  const sorted = useMemo(() => [...countries].sort((a, b) => a.name.localeCompare(b.name, 'en')), [countries]);
  return (
    <>
      {sorted.map((country) => (
        <option key={country.iso3} value={country.iso3} {...contentLang}>
          {country.name}
        </option>
      ))}
    </>
  );
}

/** A country's English name, or its code while the list loads. */
export function countryName(countries: readonly Country[] | undefined, iso3: string): string {
  return countries?.find((country) => country.iso3 === iso3)?.name ?? iso3;
}
