import type { Appeal, AppealRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER, shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { moderationQueryRoot } from '../../../lib/query-keys';
import { appealQueryOptions } from './get-appeal';

export interface CreateAppealVariables {
  request: AppealRequest;
  idempotencyKey: string;
}

/** POST /appeals — the comment's author, within 14 days, once: 201; 409 APPEAL_EXISTS / APPEAL_WINDOW_CLOSED / NOT_APPEALABLE. */
export function createAppeal({ request, idempotencyKey }: CreateAppealVariables): Promise<Appeal> {
  return apiPost<Appeal>('/appeals', request, { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } });
}

export function useCreateAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppeal,
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: (appeal) => {
      queryClient.setQueryData(appealQueryOptions(appeal.id).queryKey, appeal);
      void queryClient.invalidateQueries({ queryKey: [...moderationQueryRoot, 'decision', appeal.decisionId] });
    },
  });
}
