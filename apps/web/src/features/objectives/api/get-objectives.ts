import type { ObjectiveList } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** GET /objectives — the 23 GCM objectives with the codes of their recommendations. */
export function getObjectives(signal?: AbortSignal): Promise<ObjectiveList> {
  return apiGet<ObjectiveList>('/objectives', { signal });
}

export function objectivesQueryOptions() {
  return queryOptions({
    queryKey: ['objectives', 'list'] as const,
    queryFn: ({ signal }) => getObjectives(signal),
  });
}

export function useObjectives() {
  return useQuery(objectivesQueryOptions());
}
