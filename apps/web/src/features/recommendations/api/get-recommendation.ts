import type { RecommendationDetail } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** GET /recommendations/{code} — text, note and linked objectives; 404 RECOMMENDATION_NOT_FOUND. */
export function getRecommendation(code: string, signal?: AbortSignal): Promise<RecommendationDetail> {
  return apiGet<RecommendationDetail>(`/recommendations/${encodeURIComponent(code)}`, { signal });
}

export function recommendationQueryOptions(code: string) {
  return queryOptions({
    queryKey: ['recommendations', 'detail', code] as const,
    queryFn: ({ signal }) => getRecommendation(code, signal),
  });
}

export function useRecommendation(code: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...recommendationQueryOptions(code), enabled: options.enabled ?? true });
}
