import type { DeleteMeRequest } from '@compact-voices/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client';

/**
 * DELETE /me — erases the account (204); 401 INVALID_CREDENTIALS for a wrong password. The
 * sessions die with the account: the caller leaves the page, then forgets the session here.
 */
export function deleteMe(request: DeleteMeRequest): Promise<void> {
  return apiDelete<void>('/me', { body: request });
}

export function useDeleteMe() {
  return useMutation({ mutationFn: deleteMe });
}
