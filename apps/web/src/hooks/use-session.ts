import type { Me } from '@compact-voices/contracts';
import { useSyncExternalStore } from 'react';
import { authSession, type SessionState } from '../lib/auth-session';

/**
 * What a server-rendered page was rendered with, and what the browser first hydrates with: nobody
 * known yet. The real state (signed out, or a restored session) follows at once.
 */
const SERVER_SESSION: SessionState = { status: 'unknown', user: null };
const serverSession = () => SERVER_SESSION;

/** The signed-in person (or not), re-rendering on sign-in, sign-out and profile changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(authSession.subscribe, authSession.getState, serverSession);
}

/** The name others see: the pseudonym in protected mode, the display name otherwise. */
export function shownName(user: Pick<Me, 'privacyMode' | 'pseudonym' | 'displayName'>): string {
  return user.privacyMode === 'protected' ? user.pseudonym : user.displayName;
}
