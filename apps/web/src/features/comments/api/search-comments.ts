import type { Comment, ListResponse } from '@compact-voices/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { consultationsQueryRoot } from '../../../lib/query-keys';

export type CommentList = ListResponse<Comment>;

/** GET /consultations/{id}/comments?q= — published comments of the whole round that match, best first. */
export function searchComments(consultationId: string, q: string, signal?: AbortSignal): Promise<CommentList> {
  return apiGet<CommentList>(`/consultations/${encodeURIComponent(consultationId)}/comments`, { params: { q }, signal });
}

export function commentSearchQueryOptions(consultationId: string, q: string) {
  return queryOptions({
    queryKey: [...consultationsQueryRoot, 'search', consultationId, q] as const,
    queryFn: ({ signal }) => searchComments(consultationId, q, signal),
    staleTime: 30_000,
  });
}

export function useCommentSearch(consultationId: string, q: string) {
  return useQuery({ ...commentSearchQueryOptions(consultationId, q), enabled: q.trim() !== '', placeholderData: keepPreviousData });
}
