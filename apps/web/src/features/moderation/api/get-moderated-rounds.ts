import type { ListResponse, ModeratedRound } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { moderationQueryRoot } from '../../../lib/query-keys';

/** GET /moderation/rounds — the rounds I moderate (admins: all), with their open workload. */
export function getModeratedRounds(signal?: AbortSignal): Promise<ListResponse<ModeratedRound>> {
  return apiGet<ListResponse<ModeratedRound>>('/moderation/rounds', { signal });
}

export function useModeratedRounds(options: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({
      queryKey: [...moderationQueryRoot, 'rounds'] as const,
      queryFn: ({ signal }) => getModeratedRounds(signal),
      staleTime: 0,
    }),
    enabled: options.enabled ?? true,
  });
}
