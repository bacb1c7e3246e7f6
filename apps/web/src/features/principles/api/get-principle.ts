import type { PrincipleDetail } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** GET /principles/{code} — one principle with its recommendations; 404 PRINCIPLE_NOT_FOUND. */
export function getPrinciple(code: string, signal?: AbortSignal): Promise<PrincipleDetail> {
  return apiGet<PrincipleDetail>(`/principles/${encodeURIComponent(code)}`, { signal });
}

export function principleQueryOptions(code: string) {
  return queryOptions({
    queryKey: ['principles', 'detail', code] as const,
    queryFn: ({ signal }) => getPrinciple(code, signal),
  });
}

export function usePrinciple(code: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...principleQueryOptions(code), enabled: options.enabled ?? true });
}
