import type { FlagReceipt, FlagRequest } from '@compact-voices/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER, shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';

export interface FlagCommentVariables {
  commentId: string;
  request: FlagRequest;
  /** One per submit attempt, the same on every retry of it. */
  idempotencyKey: string;
}

/** POST /comments/{id}/flags — signed in and verified: 201 receipt; 409 FLAG_EXISTS when I reported it before. */
export function flagComment({ commentId, request, idempotencyKey }: FlagCommentVariables): Promise<FlagReceipt> {
  return apiPost<FlagReceipt>(`/comments/${encodeURIComponent(commentId)}/flags`, request, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function useFlagComment() {
  return useMutation({ mutationFn: flagComment, retry: shouldRetryWrite, retryDelay: (attempt) => writeRetryDelay(attempt) });
}
