import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/query-keys';
import type { MemberRef } from './accept-member';
import { organisationMembersQueryOptions } from './get-organisation-members';

/**
 * DELETE /organisations/{id}/members/{memberId} — 204. Declines a request, removes a member, or,
 * with one's own account id, leaves. 409 LAST_ADMIN when that would leave the organisation without an admin.
 */
export function removeMember({ organisationId, memberId }: MemberRef): Promise<void> {
  return apiDelete<void>(`/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(memberId)}`);
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: (_data, { organisationId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationMembersQueryOptions(organisationId).queryKey }),
        queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true }),
      ]),
  });
}
