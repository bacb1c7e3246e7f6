import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /users/{id}/sessions/revoke — site admins: sign the person out everywhere (204). */
export function revokeUserSessions(id: string): Promise<void> {
  return apiPost<void>(`/users/${encodeURIComponent(id)}/sessions/revoke`);
}

export function useRevokeUserSessions() {
  return useMutation({ mutationFn: revokeUserSessions });
}
