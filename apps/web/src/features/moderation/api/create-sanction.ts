import type { Sanction, SanctionRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /moderation/sanctions — suspend a comment's author (moderators of its round) or an account (admins): 201. */
export function createSanction(request: SanctionRequest): Promise<Sanction> {
  return apiPost<Sanction>('/moderation/sanctions', request);
}

export function useCreateSanction() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSanction, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'sanctions'] }) });
}
