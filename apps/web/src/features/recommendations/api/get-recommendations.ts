import type { LocaleCode, PrincipleCode, RecommendationList } from '@compact-voices/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { contentLocaleParam, useContentLocale } from '../../../lib/content-locale';

export interface RecommendationFilters {
  principle?: PrincipleCode;
  objective?: number;
  /** Full-text search (Postgres). */
  q?: string;
}

/** GET /recommendations?locale=&principle=&objective=&q= — empty filters are left out of the URL. */
export function getRecommendations(filters: RecommendationFilters, locale: LocaleCode, signal?: AbortSignal): Promise<RecommendationList> {
  return apiGet<RecommendationList>('/recommendations', {
    params: { locale: contentLocaleParam(locale), principle: filters.principle, objective: filters.objective, q: filters.q?.trim() },
    signal,
  });
}

export function recommendationsQueryOptions(filters: RecommendationFilters, locale: LocaleCode) {
  const key = {
    principle: filters.principle ?? null,
    objective: filters.objective ?? null,
    q: filters.q?.trim() || null,
  };
  return queryOptions({
    queryKey: ['recommendations', 'list', key, locale] as const,
    queryFn: ({ signal }) => getRecommendations(filters, locale, signal),
  });
}

export function useRecommendations(filters: RecommendationFilters = {}, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery({
    ...recommendationsQueryOptions(filters, useContentLocale()),
    enabled: options.enabled ?? true,
    // Search: keep showing the last results while the next ones load, instead of flashing empty.
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}
