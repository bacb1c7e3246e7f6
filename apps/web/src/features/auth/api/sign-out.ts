import { useMutation } from '@tanstack/react-query';
import { authSession } from '../../../lib/auth-session';

/**
 * POST /auth/sign-out (with the CSRF header and the Bearer token) — revokes the session; the
 * request itself lives in lib/auth-session.ts, which must wait for a refresh in flight first.
 * Resolves false when the server could not be reached (signed out on this screen only).
 *
 * On a shared phone the next person must find nothing of this one's: their unsent comments and
 * ratings, their drafts and the cached threads they opened are deleted too, also when the server
 * could not be told.
 */
export async function signOut(): Promise<boolean> {
  const userId = authSession.getState().user?.id ?? null;
  // Already loaded with the outbox while signed in (lib/offline/start-offline.ts), so this works offline.
  const forgetting = import('../../../lib/offline/forget-offline-data')
    .then(({ forgetOfflineData }) => forgetOfflineData(userId))
    .catch(() => undefined);
  const confirmed = await authSession.signOut();
  await forgetting;
  return confirmed;
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
