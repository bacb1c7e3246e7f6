import type { Comment, ReactionKind } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { setReactionsInThread } from './comment-cache';

export type Reactions = Comment['reactions'];

export interface ReactVariables {
  comment: Pick<Comment, 'id' | 'consultationId' | 'recommendationCode'>;
  /** null clears my reaction. */
  kind: ReactionKind | null;
}

/** PUT /comments/{id}/reaction { kind } — one reaction per person; answers the new counts and mine. */
export function reactToComment({ comment, kind }: ReactVariables): Promise<Reactions> {
  return apiRequest<Reactions>(`/comments/${encodeURIComponent(comment.id)}/reaction`, { method: 'PUT', body: { kind } });
}

export function useReactToComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reactToComment,
    // A PUT of the same value is the same state.
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: (reactions, { comment }) => {
      setReactionsInThread(queryClient, comment.consultationId, comment.recommendationCode, comment.id, reactions);
    },
  });
}
