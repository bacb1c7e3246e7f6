import type { PrincipleCode, RecommendationList } from '@compact-voices/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export interface RecommendationFilters {
  principle?: PrincipleCode;
  objective?: number;
  /** Full-text search (Postgres). */
  q?: string;
}

/** GET /recommendations?principle=&objective=&q= — empty filters are left out of the URL. */
export function getRecommendations(filters: RecommendationFilters = {}, signal?: AbortSignal): Promise<RecommendationList> {
  return apiGet<RecommendationList>('/recommendations', {
    params: { principle: filters.principle, objective: filters.objective, q: filters.q?.trim() },
    signal,
  });
}

export function recommendationsQueryOptions(filters: RecommendationFilters = {}) {
  const key = {
    principle: filters.principle ?? null,
    objective: filters.objective ?? null,
    q: filters.q?.trim() || null,
  };
  return queryOptions({
    queryKey: ['recommendations', 'list', key] as const,
    queryFn: ({ signal }) => getRecommendations(filters, signal),
  });
}

export function useRecommendations(filters: RecommendationFilters = {}, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery({
    ...recommendationsQueryOptions(filters),
    enabled: options.enabled ?? true,
    // Search: keep showing the last results while the next ones load, instead of flashing empty.
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}
