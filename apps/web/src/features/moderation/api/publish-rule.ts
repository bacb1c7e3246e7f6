import type { HouseRule, PublishRuleRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { rulesQueryRoot } from './get-rules';

/** PUT /rules/{code} — admins: publishes the next version (earlier ones stay, and decisions keep citing theirs). */
export function publishRule({ code, request }: { code: string; request: PublishRuleRequest }): Promise<HouseRule> {
  return apiRequest<HouseRule>(`/rules/${encodeURIComponent(code)}`, { method: 'PUT', body: request });
}

export function usePublishRule() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: publishRule, onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesQueryRoot }) });
}
