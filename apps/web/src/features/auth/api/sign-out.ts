import { useMutation } from '@tanstack/react-query';
import { authSession } from '../../../lib/auth-session';

/**
 * POST /auth/sign-out (with the CSRF header and the Bearer token) — revokes the session; the
 * request itself lives in lib/auth-session.ts, which must wait for a refresh in flight first.
 * Resolves false when the server could not be reached (signed out on this screen only).
 */
export function signOut(): Promise<boolean> {
  return authSession.signOut();
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
