import type { CommentModerationHistory } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { moderationQueryRoot } from '../../../lib/query-keys';

/** GET /moderation/comments/{id}/history — its reports by reason (never who), decisions, co-signatures, appeals. */
export function getCommentHistory(commentId: string, signal?: AbortSignal): Promise<CommentModerationHistory> {
  return apiGet<CommentModerationHistory>(`/moderation/comments/${encodeURIComponent(commentId)}/history`, { signal });
}

export function useCommentHistory(commentId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryRoot, 'history', commentId] as const,
      queryFn: ({ signal }) => getCommentHistory(commentId, signal),
      staleTime: 0,
    }),
  );
}
