import type { PrincipleList } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** GET /principles — the 10 guiding principles in the chapter's order. */
export function getPrinciples(signal?: AbortSignal): Promise<PrincipleList> {
  return apiGet<PrincipleList>('/principles', { signal });
}

export function principlesQueryOptions() {
  return queryOptions({
    queryKey: ['principles', 'list'] as const,
    queryFn: ({ signal }) => getPrinciples(signal),
  });
}

export function usePrinciples() {
  return useQuery(principlesQueryOptions());
}
