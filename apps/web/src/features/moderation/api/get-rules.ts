import { LOCALES, type HouseRule, type ListResponse, type LocaleCode } from '@compact-voices/contracts';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export type HouseRuleList = ListResponse<HouseRule>;
export const rulesQueryRoot = ['rules'] as const;

/** GET /rules?locale= — public: the version in force of each house rule, in that language (English where untranslated). */
export function getRules(locale: LocaleCode, signal?: AbortSignal): Promise<HouseRuleList> {
  return apiGet<HouseRuleList>('/rules', { params: { locale }, signal });
}

export function rulesQueryOptions(locale: LocaleCode) {
  return queryOptions({
    queryKey: [...rulesQueryRoot, locale] as const,
    queryFn: ({ signal }) => getRules(locale, signal),
    // Rules change rarely (a new version is an admin's deliberate act).
    staleTime: 5 * 60_000,
  });
}

export function useRules(locale: LocaleCode) {
  return useQuery(rulesQueryOptions(locale));
}

/**
 * The rules in every shipped language, fresh (an admin writing the next version starts from each
 * language's text). `data` is there once every language has loaded.
 */
export function useRulesInEveryLanguage() {
  return useQueries({
    queries: LOCALES.map(({ code }) => ({ ...rulesQueryOptions(code), staleTime: 0 })),
    combine: (results) => {
      const failed = results.find((result) => result.isError);
      const ready = results.every((result) => result.data);
      return {
        data: ready
          ? (Object.fromEntries(LOCALES.map(({ code }, index) => [code, results[index]?.data?.items ?? []])) as Record<
              LocaleCode,
              HouseRule[]
            >)
          : undefined,
        error: failed?.error ?? null,
        isPending: results.some((result) => result.isPending),
        refetch: () => Promise.all(results.map((result) => result.refetch())),
      };
    },
  });
}
