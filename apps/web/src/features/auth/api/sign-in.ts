import type { AuthResponse, SignInRequest } from '@compact-voices/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { authSession } from '../../../lib/auth-session';

/** POST /auth/sign-in — the access token and profile, plus the httpOnly refresh cookie; 401 INVALID_CREDENTIALS. */
export function signIn(request: SignInRequest): Promise<AuthResponse> {
  return apiPost<AuthResponse>('/auth/sign-in', request, { auth: false });
}

export function useSignIn() {
  return useMutation({
    mutationFn: signIn,
    onSuccess: (response) => authSession.accept(response),
  });
}
