import type { AdminUser, ListResponse } from '@compact-voices/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export type AdminUserList = ListResponse<AdminUser>;
export const adminUsersQueryRoot = ['admin', 'users'] as const;

/** GET /users?q= — site admins: accounts by name or email. */
export function getUsers(q: string, signal?: AbortSignal): Promise<AdminUserList> {
  return apiGet<AdminUserList>('/users', { params: { q }, signal });
}

export function usersQueryOptions(q: string) {
  return queryOptions({
    queryKey: [...adminUsersQueryRoot, q] as const,
    queryFn: ({ signal }) => getUsers(q, signal),
    staleTime: 0,
  });
}

export function useUsers(q: string) {
  return useQuery({ ...usersQueryOptions(q), placeholderData: keepPreviousData });
}
