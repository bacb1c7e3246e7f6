import type { Comment, CreateCommentRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER, shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { upsertCommentInThread } from './comment-cache';

export interface CreateCommentVariables {
  consultationId: string;
  code: string;
  request: CreateCommentRequest;
  /** One per submit attempt, the same on every retry of it (see lib/idempotency.ts). */
  idempotencyKey: string;
}

/**
 * POST /consultations/{id}/recommendations/{code}/comments — 201 with the comment (status pending
 * in a pre-moderated round). 409 CONSULTATION_CLOSED / DUPLICATE_COMMENT, 422 REPLY_TOO_DEEP.
 */
export function createComment({ consultationId, code, request, idempotencyKey }: CreateCommentVariables): Promise<Comment> {
  return apiPost<Comment>(commentsPath(consultationId, code), request, { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } });
}

/** Where a thread's comments are posted (also by the offline outbox, lib/offline/). */
export function commentsPath(consultationId: string, code: string): string {
  return `/consultations/${encodeURIComponent(consultationId)}/recommendations/${encodeURIComponent(code)}/comments`;
}

export function useCreateComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createComment,
    // The same key on every retry: a flaky connection never posts twice.
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: (comment, { consultationId, code }) => {
      upsertCommentInThread(queryClient, consultationId, code, comment);
    },
  });
}
