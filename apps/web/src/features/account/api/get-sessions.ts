import type { SessionList } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const sessionsQueryKey = ['me', 'sessions'] as const;

/** GET /me/sessions — where this account is signed in; `current` marks this browser. */
export function getSessions(signal?: AbortSignal): Promise<SessionList> {
  return apiGet<SessionList>('/me/sessions', { signal });
}

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => getSessions(signal),
    staleTime: 0,
  });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
