import type { CreateExportRequest, ExportJob } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { mergeJob, type ExportJobList } from '../job-cache';
import { exportsQueryKey } from './get-exports';

/**
 * POST /exports — 202 with the queued job. 429 TOO_MANY_REQUESTS past EXPORTS_PER_USER_IN_FLIGHT
 * waiting or running; 422 EXPORT_FORMAT_UNSUPPORTED when the dataset does not come in that format.
 */
export function createExport(request: CreateExportRequest): Promise<ExportJob> {
  return apiPost<ExportJob>('/exports', request);
}

export function useCreateExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createExport,
    onSuccess: (job) => queryClient.setQueryData<ExportJobList>(exportsQueryKey, (list) => mergeJob(list, job)),
  });
}
