import type { DecisionRequest, ListResponse, ModerationDecision } from '@compact-voices/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { moderationQueryRoot } from '../../../lib/query-keys';

/** POST /moderation/decisions — 201; status "awaiting-cosign" under a conflict of interest; 409 DECISION_CONFLICT / INVALID_STATUS_TRANSITION. */
export function createDecision(request: DecisionRequest): Promise<ModerationDecision> {
  return apiPost<ModerationDecision>('/moderation/decisions', request);
}

/** POST /moderation/decisions/{id}/cosign — another moderator without the tie, or an admin; 403 COSIGN_NOT_ALLOWED. */
export function cosignDecision(id: string): Promise<ModerationDecision> {
  return apiPost<ModerationDecision>(`/moderation/decisions/${encodeURIComponent(id)}/cosign`);
}

/** GET /moderation/decisions?consultationId= — the round's decisions, newest first. */
export function getDecisions(consultationId: string, signal?: AbortSignal): Promise<ListResponse<ModerationDecision>> {
  return apiGet<ListResponse<ModerationDecision>>('/moderation/decisions', { params: { consultationId }, signal });
}

export function useDecisions(consultationId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({
      queryKey: [...moderationQueryRoot, 'decisions', consultationId] as const,
      queryFn: ({ signal }) => getDecisions(consultationId, signal),
      staleTime: 0,
    }),
    enabled: options.enabled ?? true,
  });
}

/**
 * A decision changes the queue, the history, the round counts and the comment's thread: refresh all
 * that is cached about moderation (and the thread pages, which show tombstones).
 */
function useRefreshAfterDecision() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: moderationQueryRoot });
    void queryClient.invalidateQueries({ queryKey: ['consultations', 'thread'] });
  };
}

export function useCreateDecision() {
  const refresh = useRefreshAfterDecision();
  // Not retried automatically: a decision that went through must not be sent again blindly (the
  // optimistic lock would answer a conflict with ourselves).
  return useMutation({ mutationFn: createDecision, onSettled: refresh });
}

export function useCosignDecision() {
  const refresh = useRefreshAfterDecision();
  return useMutation({ mutationFn: cosignDecision, onSettled: refresh });
}
