import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import type { ExportJobList } from '../job-cache';

/** Under the `admin` root: dropped when the signed-in person changes. */
export const exportsQueryKey = ['admin', 'exports', 'list'] as const;

/** GET /exports — my recent exports, newest first (admins). */
export function getExports(signal?: AbortSignal): Promise<ExportJobList> {
  return apiGet<ExportJobList>('/exports', { signal });
}

export function exportsQueryOptions() {
  return queryOptions({ queryKey: exportsQueryKey, queryFn: ({ signal }) => getExports(signal), staleTime: 0 });
}

export function useExports() {
  return useQuery(exportsQueryOptions());
}
