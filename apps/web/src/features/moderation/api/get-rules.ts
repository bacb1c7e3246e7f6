import type { HouseRule, ListResponse, LocaleCode } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export type HouseRuleList = ListResponse<HouseRule>;

/** GET /rules?locale= — public: the version in force of each house rule, in that language (English where untranslated). */
export function getRules(locale: LocaleCode, signal?: AbortSignal): Promise<HouseRuleList> {
  return apiGet<HouseRuleList>('/rules', { params: { locale }, signal });
}

export function rulesQueryOptions(locale: LocaleCode) {
  return queryOptions({
    queryKey: ['rules', locale] as const,
    queryFn: ({ signal }) => getRules(locale, signal),
    // Rules change rarely (a new version is an admin's deliberate act).
    staleTime: 5 * 60_000,
  });
}

export function useRules(locale: LocaleCode) {
  return useQuery(rulesQueryOptions(locale));
}
