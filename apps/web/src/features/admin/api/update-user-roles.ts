import type { AdminUser, Role } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../lib/api-client';
import { adminUsersQueryRoot } from './get-users';

/** PATCH /users/{id}/roles — site admins: the complete new set of roles. */
export function updateUserRoles({ id, roles }: { id: string; roles: Role[] }): Promise<AdminUser> {
  return apiPatch<AdminUser>(`/users/${encodeURIComponent(id)}/roles`, { roles });
}

export function useUpdateUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUserRoles,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUsersQueryRoot }),
  });
}
