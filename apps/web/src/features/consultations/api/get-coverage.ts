import type { ListResponse, RecommendationCoverage } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { consultationsQueryRoot } from '../../../lib/query-keys';

/** GET /consultations/{id}/coverage — per recommendation: raters, countries rated, comments. */
export function getCoverage(id: string, signal?: AbortSignal): Promise<ListResponse<RecommendationCoverage>> {
  return apiGet<ListResponse<RecommendationCoverage>>(`/consultations/${encodeURIComponent(id)}/coverage`, { signal });
}

export function coverageQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...consultationsQueryRoot, 'coverage', id] as const,
    queryFn: ({ signal }) => getCoverage(id, signal),
    staleTime: 30_000,
  });
}

export function useCoverage(id: string) {
  return useQuery(coverageQueryOptions(id));
}
