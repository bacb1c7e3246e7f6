/** Announced after sessions end (sign-out, password change or reset, admin action, token theft, erasure). */
export const SESSIONS_REVOKED = 'sessions.revoked';

export interface SessionsRevokedEvent {
  sessionIds: string[];
}
