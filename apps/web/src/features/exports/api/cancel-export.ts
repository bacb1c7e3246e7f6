import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client';
import { mergeJob, type ExportJobList } from '../job-cache';
import { getExport } from './get-export';
import { exportsQueryKey } from './get-exports';

/** DELETE /exports/{id} — 204; 409 EXPORT_FINISHED when it finished first. */
export function cancelExport(id: string): Promise<void> {
  return apiDelete(`/exports/${encodeURIComponent(id)}`);
}

/** Cancel, then show the job as the server has it now (cancelled, or done if it won the race). */
export function useCancelExport() {
  const queryClient = useQueryClient();
  const refresh = async (id: string) => {
    const job = await getExport(id);
    queryClient.setQueryData<ExportJobList>(exportsQueryKey, (list) => mergeJob(list, job));
  };
  return useMutation({
    mutationFn: cancelExport,
    onSettled: (_data, _error, id) => refresh(id).catch(() => queryClient.invalidateQueries({ queryKey: exportsQueryKey })),
  });
}
