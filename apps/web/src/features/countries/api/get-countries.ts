import { ISO3_TO_ISO2, type Country, type CountryList, type LocaleCode } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../../lib/api-client';
import { regionName } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';

/** GET /countries — ESCAP members and associate members, plus the destinations the chapter names. */
export function getCountries(signal?: AbortSignal): Promise<CountryList> {
  return apiGet<CountryList>('/countries', { signal });
}

export function countriesQueryOptions() {
  return queryOptions({
    queryKey: ['countries', 'list'] as const,
    queryFn: ({ signal }) => getCountries(signal),
    staleTime: Infinity,
  });
}

/**
 * A country named in the reader's language: CLDR's name (Intl.DisplayNames) in any language but
 * English, where the catalogue's United Nations name is kept ("Republic of Korea", "Türkiye").
 */
export function localizeCountry(country: Country, locale: LocaleCode): Country {
  if (locale === 'en') return country;
  const iso2 = ISO3_TO_ISO2[country.iso3];
  const name = iso2 ? regionName(iso2, locale) : undefined;
  return name ? { ...country, name } : country;
}

/** The countries, each named in the interface language (see localizeCountry). */
export function useCountries() {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const select = useCallback(
    (list: CountryList): CountryList => ({ ...list, items: list.items.map((country) => localizeCountry(country, locale)) }),
    [locale],
  );
  return useQuery({ ...countriesQueryOptions(), select });
}
