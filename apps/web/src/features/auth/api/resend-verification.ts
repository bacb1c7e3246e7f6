import type { AcceptedResponse } from '@compact-voices/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /auth/resend-verification — 202 whether or not the address has an unverified account. */
export function resendVerification(email: string): Promise<AcceptedResponse> {
  return apiPost<AcceptedResponse>('/auth/resend-verification', { email }, { auth: false });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
