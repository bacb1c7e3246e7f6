import type { CreateWordFilterTermRequest, ListResponse, WordFilterTerm } from '@compact-voices/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost } from '../../../lib/api-client';

const wordFilterKey = ['admin', 'word-filter'] as const;

/** GET /moderation/word-filter — admins. */
export function getWordFilter(signal?: AbortSignal): Promise<ListResponse<WordFilterTerm>> {
  return apiGet<ListResponse<WordFilterTerm>>('/moderation/word-filter', { signal });
}

export function useWordFilter() {
  return useQuery(queryOptions({ queryKey: wordFilterKey, queryFn: ({ signal }) => getWordFilter(signal), staleTime: 0 }));
}

/** POST /moderation/word-filter — 201; 409 TERM_EXISTS. */
export function addWordFilterTerm(request: CreateWordFilterTermRequest): Promise<WordFilterTerm> {
  return apiPost<WordFilterTerm>('/moderation/word-filter', request);
}

/** DELETE /moderation/word-filter/{id} — 204. */
export function deleteWordFilterTerm(id: string): Promise<void> {
  return apiDelete(`/moderation/word-filter/${encodeURIComponent(id)}`);
}

export function useAddWordFilterTerm() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addWordFilterTerm, onSuccess: () => queryClient.invalidateQueries({ queryKey: wordFilterKey }) });
}

export function useDeleteWordFilterTerm() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteWordFilterTerm, onSuccess: () => queryClient.invalidateQueries({ queryKey: wordFilterKey }) });
}
