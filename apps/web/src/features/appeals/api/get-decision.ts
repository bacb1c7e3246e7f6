import type { ModerationDecision } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { moderationQueryRoot } from '../../../lib/query-keys';

/** GET /moderation/decisions/{id} — the comment's author, the round's moderators, admins. */
export function getDecision(id: string, signal?: AbortSignal): Promise<ModerationDecision> {
  return apiGet<ModerationDecision>(`/moderation/decisions/${encodeURIComponent(id)}`, { signal });
}

export function decisionQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...moderationQueryRoot, 'decision', id] as const,
    queryFn: ({ signal }) => getDecision(id, signal),
  });
}

export function useDecision(id: string) {
  return useQuery({ ...decisionQueryOptions(id), enabled: id !== '' });
}
