import type { ChangePasswordRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { sessionsQueryKey } from './get-sessions';

/** POST /me/password — 204; signs out every other session. 401 INVALID_CREDENTIALS for a wrong current password. */
export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiPost<void>('/me/password', request);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
