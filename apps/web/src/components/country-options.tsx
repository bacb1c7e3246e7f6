import type { Country } from '@compact-voices/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** <option>s for a country <select>, in the reader's alphabetical order (names from useCountries, in their language). */
export function CountryOptions({ countries }: { countries: readonly Country[] }) {
  const { i18n } = useTranslation();
  const sorted = useMemo(() => [...countries].sort((a, b) => a.name.localeCompare(b.name, i18n.language)), [countries, i18n.language]);
  return (
    <>
      {sorted.map((country) => (
        <option key={country.iso3} value={country.iso3}>
          {country.name}
        </option>
      ))}
    </>
  );
}

/** A country's name (as useCountries gives it), or its code while the list loads. */
export function countryName(countries: readonly Country[] | undefined, iso3: string): string {
  return countries?.find((country) => country.iso3 === iso3)?.name ?? iso3;
}
