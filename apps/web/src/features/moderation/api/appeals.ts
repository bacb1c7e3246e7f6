import type { Appeal, AppealDecisionRequest, ListResponse } from '@compact-voices/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { moderationQueryRoot } from '../../../lib/query-keys';

export type AppealFilter = 'pending' | 'decided';

/** GET /moderation/appeals?consultationId=&status= — the round's appeals (overdue ones flagged). */
export function getRoundAppeals(consultationId: string, status: AppealFilter, signal?: AbortSignal): Promise<ListResponse<Appeal>> {
  return apiGet<ListResponse<Appeal>>('/moderation/appeals', { params: { consultationId, status }, signal });
}

export function useRoundAppeals(consultationId: string, status: AppealFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryRoot, 'appeals', consultationId, status] as const,
      queryFn: ({ signal }) => getRoundAppeals(consultationId, status, signal),
      staleTime: 0,
    }),
  );
}

/** POST /appeals/{id}/decision — a moderator of the round other than the original decider; 403 ORIGINAL_DECIDER. */
export function decideAppeal({ id, request }: { id: string; request: AppealDecisionRequest }): Promise<Appeal> {
  return apiPost<Appeal>(`/appeals/${encodeURIComponent(id)}/decision`, request);
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAppeal,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: moderationQueryRoot });
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'thread'] });
    },
  });
}
