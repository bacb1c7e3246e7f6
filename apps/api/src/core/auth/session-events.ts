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

/** Announced after a person's rights changed (roles, a sanction in force or lifted): their sockets reconnect and are judged again. */
export const ACCESS_CHANGED = 'access.changed';

export interface AccessChangedEvent {
  userId: string;
}

/** Call after the transaction that changed the rights committed; the realtime module drops the person's sockets on every instance. */
export function announceAccessChanged(emitter: EventEmitter2, userId: string): void {
  emitter.emit(ACCESS_CHANGED, { userId } satisfies AccessChangedEvent);
}
