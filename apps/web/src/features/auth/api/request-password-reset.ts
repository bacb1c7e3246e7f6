import type { AcceptedResponse } from '@compact-voices/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /auth/password-reset — 202 "reset-sent" whether or not the address has an account. */
export function requestPasswordReset(email: string): Promise<AcceptedResponse> {
  return apiPost<AcceptedResponse>('/auth/password-reset', { email }, { auth: false });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
