import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export interface HighlightResult {
  commentId: string;
  highlighted: boolean;
}

/** PUT /moderation/highlights/{commentId} — quote a published comment in the round's PDF report (or stop). */
export function highlightComment(commentId: string, highlighted: boolean): Promise<HighlightResult> {
  return apiRequest<HighlightResult>(`/moderation/highlights/${encodeURIComponent(commentId)}`, { method: 'PUT', body: { highlighted } });
}

export function useHighlightComment() {
  return useMutation({ mutationFn: ({ commentId, highlighted }: HighlightResult) => highlightComment(commentId, highlighted) });
}
