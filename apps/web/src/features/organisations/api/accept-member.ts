import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { organisationMembersQueryOptions } from './get-organisation-members';

export interface MemberRef {
  organisationId: string;
  /** The membership's id from the member list; for oneself, one's own account id also works. */
  memberId: string;
}

/** POST /organisations/{id}/members/{memberId}/accept — a pending request becomes an active membership. */
export function acceptMember({ organisationId, memberId }: MemberRef): Promise<unknown> {
  return apiPost<unknown>(`/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(memberId)}/accept`);
}

export function useAcceptMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptMember,
    onSuccess: (_data, { organisationId }) =>
      queryClient.invalidateQueries({ queryKey: organisationMembersQueryOptions(organisationId).queryKey }),
  });
}
