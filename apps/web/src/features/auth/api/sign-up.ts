import type { AcceptedResponse, SignUpRequest } from '@compact-voices/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/**
 * POST /auth/sign-up — always 202 "verification-sent", whether or not the address already has an
 * account (no enumeration); 400 VALIDATION_FAILED or WEAK_PASSWORD; 429 with Retry-After.
 */
export function signUp(request: SignUpRequest): Promise<AcceptedResponse> {
  return apiPost<AcceptedResponse>('/auth/sign-up', request, { auth: false });
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
