import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/query-keys';

/** POST /organisations/{id}/join — 202 "pending" until an admin of the organisation accepts. 409 ALREADY_MEMBER. */
export function joinOrganisation(id: string): Promise<{ status: 'pending' }> {
  return apiPost<{ status: 'pending' }>(`/organisations/${encodeURIComponent(id)}/join`);
}

export function useJoinOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: joinOrganisation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true }),
  });
}
