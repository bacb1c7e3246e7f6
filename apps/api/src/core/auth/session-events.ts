import type { EventEmitter2 } from '@nestjs/event-emitter';

/** Announced after sessions end (sign-out, password change or reset, admin action, token theft, erasure). */
export const SESSIONS_REVOKED = 'sessions.revoked';

export interface SessionsRevokedEvent {
  sessionIds: string[];
}

/** Call after the transaction that ended the sessions committed; the realtime module disconnects their sockets. */
export function announceSessionsRevoked(emitter: EventEmitter2, sessionIds: string[]): void {
  if (sessionIds.length > 0) emitter.emit(SESSIONS_REVOKED, { sessionIds } satisfies SessionsRevokedEvent);
}
