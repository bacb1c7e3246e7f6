import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client';
import { sessionsQueryKey } from './get-sessions';

/** DELETE /me/sessions/{id} — 204; that browser is signed out at its next request. */
export function revokeSession(id: string): Promise<void> {
  return apiDelete<void>(`/me/sessions/${encodeURIComponent(id)}`);
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
