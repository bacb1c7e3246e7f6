import type { AcceptedResponse, PasswordResetConfirmRequest } from '@compact-voices/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /auth/password-reset/confirm — 200 "accepted"; 400 INVALID_TOKEN or WEAK_PASSWORD. */
export function confirmPasswordReset(request: PasswordResetConfirmRequest): Promise<AcceptedResponse> {
  return apiPost<AcceptedResponse>('/auth/password-reset/confirm', request, { auth: false });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
