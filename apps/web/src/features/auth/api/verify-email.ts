import type { AcceptedResponse } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /auth/verify-email — 200 "accepted"; 400 INVALID_TOKEN when the link was used or has expired. */
export function verifyEmail(token: string): Promise<AcceptedResponse> {
  return apiPost<AcceptedResponse>('/auth/verify-email', { token }, { auth: false });
}

/**
 * Run as a query, not a mutation: the page fires it on load, and a query is sent once per token
 * even when React mounts the page twice (StrictMode) — a second POST would find the token used.
 */
export function verifyEmailQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['auth', 'verify-email', token] as const,
    queryFn: () => verifyEmail(token),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

export function useVerifyEmail(token: string | null) {
  return useQuery({ ...verifyEmailQueryOptions(token ?? ''), enabled: Boolean(token) });
}
