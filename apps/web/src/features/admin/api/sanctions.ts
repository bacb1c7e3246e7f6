import type { ListResponse, Sanction } from '@compact-voices/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet } from '../../../lib/api-client';

const sanctionsKey = ['admin', 'sanctions'] as const;

/** GET /moderation/sanctions — admins: suspensions, current and past. */
export function getSanctions(signal?: AbortSignal): Promise<ListResponse<Sanction>> {
  return apiGet<ListResponse<Sanction>>('/moderation/sanctions', { signal });
}

export function useSanctions() {
  return useQuery(queryOptions({ queryKey: sanctionsKey, queryFn: ({ signal }) => getSanctions(signal), staleTime: 0 }));
}

/** DELETE /moderation/sanctions/{id} — admins: lift a suspension (204). */
export function liftSanction(id: string): Promise<void> {
  return apiDelete(`/moderation/sanctions/${encodeURIComponent(id)}`);
}

export function useLiftSanction() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: liftSanction, onSuccess: () => queryClient.invalidateQueries({ queryKey: sanctionsKey }) });
}
