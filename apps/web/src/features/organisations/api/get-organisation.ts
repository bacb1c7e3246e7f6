import type { Organisation } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { organisationsQueryRoot } from './get-organisations';

/** GET /organisations/{id} — 404 ORGANISATION_NOT_FOUND. */
export function getOrganisation(id: string, signal?: AbortSignal): Promise<Organisation> {
  return apiGet<Organisation>(`/organisations/${encodeURIComponent(id)}`, { signal });
}

export function organisationQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...organisationsQueryRoot, 'detail', id] as const,
    queryFn: ({ signal }) => getOrganisation(id, signal),
    staleTime: 30_000,
  });
}

export function useOrganisation(id: string) {
  return useQuery(organisationQueryOptions(id));
}
