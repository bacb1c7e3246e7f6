import type { Me } from '@compact-voices/contracts';
import { useSyncExternalStore } from 'react';
import { authSession, type SessionState } from '../lib/auth-session';

/** The signed-in person (or not), re-rendering on sign-in, sign-out and profile changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(authSession.subscribe, authSession.getState, authSession.getState);
}

/** The name others see: the pseudonym in protected mode, the display name otherwise. */
export function shownName(user: Pick<Me, 'privacyMode' | 'pseudonym' | 'displayName'>): string {
  return user.privacyMode === 'protected' ? user.pseudonym : user.displayName;
}
