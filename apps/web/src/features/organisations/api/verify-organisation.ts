import type { Organisation } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { organisationQueryOptions } from './get-organisation';
import { organisationsQueryRoot } from './get-organisations';

/** POST /organisations/{id}/verify — site admins: the secretariat vouches for the organisation. */
export function verifyOrganisation(id: string): Promise<Organisation> {
  return apiPost<Organisation>(`/organisations/${encodeURIComponent(id)}/verify`);
}

export function useVerifyOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyOrganisation,
    onSuccess: async (organisation) => {
      queryClient.setQueryData(organisationQueryOptions(organisation.id).queryKey, organisation);
      await queryClient.invalidateQueries({ queryKey: [...organisationsQueryRoot, 'list'] });
    },
  });
}
