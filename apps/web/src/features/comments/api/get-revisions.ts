import type { CommentRevision, ListResponse } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { consultationsQueryRoot } from '../../../lib/query-keys';

/** GET /comments/{id}/revisions — earlier versions, newest first (its author and its moderators only). */
export function getRevisions(commentId: string, signal?: AbortSignal): Promise<ListResponse<CommentRevision>> {
  return apiGet<ListResponse<CommentRevision>>(`/comments/${encodeURIComponent(commentId)}/revisions`, { signal });
}

export function useRevisions(commentId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...consultationsQueryRoot, 'revisions', commentId] as const,
      queryFn: ({ signal }) => getRevisions(commentId, signal),
      staleTime: 0,
    }),
  );
}
