import type { OrganisationList } from '@compact-voices/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const organisationsQueryRoot = ['organisations'] as const;

/** GET /organisations?q= — organisations whose name matches (all of them without q). */
export function getOrganisations(q: string, signal?: AbortSignal): Promise<OrganisationList> {
  return apiGet<OrganisationList>('/organisations', { params: { q }, signal });
}

export function organisationsQueryOptions(q: string) {
  return queryOptions({
    queryKey: [...organisationsQueryRoot, 'list', q] as const,
    queryFn: ({ signal }) => getOrganisations(q, signal),
    staleTime: 30_000,
  });
}

export function useOrganisations(q: string) {
  return useQuery({ ...organisationsQueryOptions(q), placeholderData: keepPreviousData });
}
