import type { CreateOrganisationRequest, Organisation } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/query-keys';
import { organisationQueryOptions } from './get-organisation';
import { organisationsQueryRoot } from './get-organisations';

/** POST /organisations — 201; the creator becomes its admin. 409 ORGANISATION_EXISTS. */
export function createOrganisation(request: CreateOrganisationRequest): Promise<Organisation> {
  return apiPost<Organisation>('/organisations', request);
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: async (organisation) => {
      queryClient.setQueryData(organisationQueryOptions(organisation.id).queryKey, organisation);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...organisationsQueryRoot, 'list'] }),
        // The new membership (as its admin).
        queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true }),
      ]);
    },
  });
}
