import type { Me } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { authSession } from '../../../lib/auth-session';
import { meQueryKey } from '../../../lib/query-keys';

/** GET /me — the signed-in person's own profile, memberships included. */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  const me = await apiGet<Me>('/me', { signal });
  authSession.setUser(me);
  return me;
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    // Shown at once from the session, then checked: a membership may have been accepted meanwhile.
    initialData: () => authSession.getState().user ?? undefined,
    initialDataUpdatedAt: 0,
    staleTime: 30_000,
  });
}

export function useMe(options: { enabled?: boolean } = {}) {
  return useQuery({ ...meQueryOptions(), enabled: options.enabled ?? true });
}
