import type { CountryList } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

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

export function useCountries() {
  return useQuery(countriesQueryOptions());
}
