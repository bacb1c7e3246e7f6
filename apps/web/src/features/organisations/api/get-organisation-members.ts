import type { ListResponse, OrganisationMember } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { organisationsQueryRoot } from './get-organisations';

export type OrganisationMemberList = ListResponse<OrganisationMember>;

/** GET /organisations/{id}/members — members and pending requests; for its admins and site admins (else 403). */
export function getOrganisationMembers(id: string, signal?: AbortSignal): Promise<OrganisationMemberList> {
  return apiGet<OrganisationMemberList>(`/organisations/${encodeURIComponent(id)}/members`, { signal });
}

export function organisationMembersQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...organisationsQueryRoot, 'members', id] as const,
    queryFn: ({ signal }) => getOrganisationMembers(id, signal),
    staleTime: 0,
  });
}

export function useOrganisationMembers(id: string) {
  return useQuery(organisationMembersQueryOptions(id));
}
