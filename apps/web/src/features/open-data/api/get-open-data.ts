import type { ListResponse, OpenDataPack } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export type OpenDataList = ListResponse<OpenDataPack>;

/** GET /open-data — the published, pseudonymised pack of every closed round. */
export function getOpenData(signal?: AbortSignal): Promise<OpenDataList> {
  return apiGet<OpenDataList>('/open-data', { signal });
}

export function openDataQueryOptions() {
  return queryOptions({
    queryKey: ['open-data', 'list'] as const,
    queryFn: ({ signal }) => getOpenData(signal),
    staleTime: 5 * 60_000,
  });
}

export function useOpenData() {
  return useQuery(openDataQueryOptions());
}
