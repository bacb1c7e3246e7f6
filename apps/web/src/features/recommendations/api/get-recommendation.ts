import type { LocaleCode, RecommendationDetail } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { contentLocaleParam, useContentLocale } from '../../../lib/content-locale';

/** GET /recommendations/{code}?locale= — text, note and linked objectives; 404 RECOMMENDATION_NOT_FOUND. */
export function getRecommendation(code: string, locale: LocaleCode, signal?: AbortSignal): Promise<RecommendationDetail> {
  return apiGet<RecommendationDetail>(`/recommendations/${encodeURIComponent(code)}`, {
    params: { locale: contentLocaleParam(locale) },
    signal,
  });
}

export function recommendationQueryOptions(code: string, locale: LocaleCode) {
  return queryOptions({
    queryKey: ['recommendations', 'detail', code, locale] as const,
    queryFn: ({ signal }) => getRecommendation(code, locale, signal),
  });
}

export function useRecommendation(code: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...recommendationQueryOptions(code, useContentLocale()), enabled: options.enabled ?? true });
}
