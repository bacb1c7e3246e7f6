import type { RoundRoleList, SetRoundRoleRequest } from '@compact-voices/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../../lib/api-client';
import { moderationQueryRoot, roundTeamQueryKey } from '../../../lib/query-keys';
import { usersQueryOptions } from './get-users';

/** The round roles an admin assigns, as the API names them in the path. */
export type RoundTeamRole = 'moderators' | 'safeguarding-officers';

/** Shorter queries match too much to be useful. */
export const PERSON_SEARCH_MIN_LENGTH = 2;

function roundTeamPath(consultationId: string, role: RoundTeamRole): string {
  return `/consultations/${encodeURIComponent(consultationId)}/${role}`;
}

/** GET /consultations/{id}/moderators | /safeguarding-officers — admins: who holds the role, with their government ties. */
export function getRoundTeam(consultationId: string, role: RoundTeamRole, signal?: AbortSignal): Promise<RoundRoleList> {
  return apiGet<RoundRoleList>(roundTeamPath(consultationId, role), { signal });
}

/** PUT /consultations/{id}/moderators | /safeguarding-officers — admins: the complete new list (400 USER_NOT_FOUND). */
export function setRoundTeam({
  consultationId,
  role,
  userIds,
}: { consultationId: string; role: RoundTeamRole } & SetRoundRoleRequest): Promise<RoundRoleList> {
  return apiRequest<RoundRoleList>(roundTeamPath(consultationId, role), { method: 'PUT', body: { userIds } satisfies SetRoundRoleRequest });
}

export function roundTeamQueryOptions(consultationId: string, role: RoundTeamRole) {
  return queryOptions({
    queryKey: roundTeamQueryKey(consultationId, role),
    queryFn: ({ signal }) => getRoundTeam(consultationId, role, signal),
    staleTime: 0,
  });
}

export function useRoundTeam(consultationId: string, role: RoundTeamRole) {
  return useQuery(roundTeamQueryOptions(consultationId, role));
}

export function useSetRoundTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setRoundTeam,
    onSuccess: (list, { consultationId, role }) => {
      queryClient.setQueryData(roundTeamQueryKey(consultationId, role), list);
      // The rounds an admin moderates (their own moderation pages) may have changed.
      return queryClient.invalidateQueries({ queryKey: moderationQueryRoot });
    },
  });
}

/** People to assign: GET /users?q=, only once the query is long enough to mean something. */
export function usePersonSearch(q: string) {
  return useQuery({ ...usersQueryOptions(q), enabled: q.length >= PERSON_SEARCH_MIN_LENGTH, placeholderData: keepPreviousData });
}
