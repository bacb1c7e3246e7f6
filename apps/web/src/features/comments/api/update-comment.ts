import type { Comment } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../lib/api-client';
import { shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { upsertCommentInThread } from './comment-cache';

export interface UpdateCommentVariables {
  comment: Pick<Comment, 'id' | 'consultationId' | 'recommendationCode'>;
  body: string;
}

/** PATCH /comments/{id} — the author, while the round is open; earlier versions are kept and editedAt is set. */
export function updateComment({ comment, body }: UpdateCommentVariables): Promise<Comment> {
  return apiPatch<Comment>(`/comments/${encodeURIComponent(comment.id)}`, { body });
}

export function useUpdateComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateComment,
    // Sending the same text twice changes nothing.
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: (updated) => {
      upsertCommentInThread(queryClient, updated.consultationId, updated.recommendationCode, updated);
    },
  });
}
