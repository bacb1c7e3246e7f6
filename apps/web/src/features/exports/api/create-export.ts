import type { CreateExportRequest, ExportJob } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER, shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { mergeJob, type ExportJobList } from '../job-cache';
import { exportsQueryKey } from './get-exports';

export interface CreateExportVariables {
  request: CreateExportRequest;
  idempotencyKey: string;
}

/**
 * POST /exports — 202 with the queued job. 429 TOO_MANY_REQUESTS past EXPORTS_PER_USER_IN_FLIGHT
 * waiting or running; 422 EXPORT_FORMAT_UNSUPPORTED when the dataset does not come in that format.
 * The Idempotency-Key makes a retry after a dropped connection replay the first job, not start a second.
 */
export function createExport({ request, idempotencyKey }: CreateExportVariables): Promise<ExportJob> {
  return apiPost<ExportJob>('/exports', request, { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } });
}

export function useCreateExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createExport,
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: (job) => queryClient.setQueryData<ExportJobList>(exportsQueryKey, (list) => mergeJob(list, job)),
  });
}
