import type { ListResponse, Rating } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { threadQueryKey } from '../../../lib/query-keys';

export type RatingList = ListResponse<Rating>;

/** GET …/ratings/mine — my rating of this recommendation, one per country I rated. */
export function getMyRatings(consultationId: string, code: string, signal?: AbortSignal): Promise<RatingList> {
  return apiGet<RatingList>(
    `/consultations/${encodeURIComponent(consultationId)}/recommendations/${encodeURIComponent(code)}/ratings/mine`,
    { signal },
  );
}

export function myRatingsQueryOptions(consultationId: string, code: string) {
  return queryOptions({
    queryKey: [...threadQueryKey(consultationId, code), 'ratings', 'mine'] as const,
    queryFn: ({ signal }) => getMyRatings(consultationId, code, signal),
    staleTime: 60_000,
  });
}

export function useMyRatings(consultationId: string, code: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...myRatingsQueryOptions(consultationId, code), enabled: options.enabled ?? true });
}
