import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { organisationMembersQueryOptions } from './get-organisation-members';

export interface MemberRef {
  organisationId: string;
  userId: string;
}

/** POST /organisations/{id}/members/{userId}/accept — a pending request becomes an active membership. */
export function acceptMember({ organisationId, userId }: MemberRef): Promise<unknown> {
  return apiPost<unknown>(
    `/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(userId)}/accept`,
  );
}

export function useAcceptMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptMember,
    onSuccess: (_data, { organisationId }) =>
      queryClient.invalidateQueries({ queryKey: organisationMembersQueryOptions(organisationId).queryKey }),
  });
}
