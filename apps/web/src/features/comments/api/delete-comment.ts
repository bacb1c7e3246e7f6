import type { Comment } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client';
import { shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { tombstoneInThread } from './comment-cache';

/** DELETE /comments/{id} — the author: 204; a tombstone stays in its place and replies survive. */
export function deleteComment(comment: Pick<Comment, 'id' | 'consultationId' | 'recommendationCode'>): Promise<void> {
  return apiDelete<void>(`/comments/${encodeURIComponent(comment.id)}`);
}

export function useDeleteComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: (_data, comment) => {
      tombstoneInThread(queryClient, comment.consultationId, comment.recommendationCode, comment.id);
    },
  });
}
