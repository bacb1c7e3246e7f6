import type { Appeal } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { moderationQueryRoot } from '../../../lib/query-keys';

/** GET /appeals/{id} — the appellant, the round's moderators, admins. */
export function getAppeal(id: string, signal?: AbortSignal): Promise<Appeal> {
  return apiGet<Appeal>(`/appeals/${encodeURIComponent(id)}`, { signal });
}

export function appealQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...moderationQueryRoot, 'appeal', id] as const,
    queryFn: ({ signal }) => getAppeal(id, signal),
  });
}

export function useAppeal(id: string) {
  return useQuery(appealQueryOptions(id));
}
