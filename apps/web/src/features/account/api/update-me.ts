import type { Me, UpdateMeRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../lib/api-client';
import { authSession } from '../../../lib/auth-session';
import { meQueryKey } from '../../../lib/query-keys';

/** PATCH /me — only the fields sent change; answers the whole profile. */
export function updateMe(request: UpdateMeRequest): Promise<Me> {
  return apiPatch<Me>('/me', request);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      // The header shows the name others see, which protected mode changes.
      authSession.setUser(me);
    },
  });
}
