import type { CommentPage, CommentSort } from '@compact-voices/contracts';
import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { threadQueryKey } from '../../../lib/query-keys';

/** The pages loaded so far; the page param is the cursor (null for the first page). */
export type CommentPages = InfiniteData<CommentPage>;

export const COMMENTS_PAGE_SIZE = 20;

/**
 * GET /consultations/{id}/recommendations/{code}/comments?sort=&cursor=&limit= — a page of
 * top-level comments, each followed by its replies depth-first (flat, with parentId and depth).
 */
export function getComments(
  consultationId: string,
  code: string,
  params: { sort: CommentSort; language?: string; cursor?: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<CommentPage> {
  return apiGet<CommentPage>(`/consultations/${encodeURIComponent(consultationId)}/recommendations/${encodeURIComponent(code)}/comments`, {
    params: { sort: params.sort, language: params.language || undefined, cursor: params.cursor, limit: params.limit },
    signal,
  });
}

/** Every sort and language filter of one thread's comments: live events update them all. */
export function commentsQueryRoot(consultationId: string, code: string) {
  return [...threadQueryKey(consultationId, code), 'comments'] as const;
}

/** `language`: only top-level comments written in it ('' for every language). */
export function commentsQueryOptions(consultationId: string, code: string, sort: CommentSort, language = '') {
  return infiniteQueryOptions({
    queryKey: [...commentsQueryRoot(consultationId, code), sort, language] as const,
    queryFn: ({ pageParam, signal }) =>
      getComments(consultationId, code, { sort, language, cursor: pageParam as string | null, limit: COMMENTS_PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Live events keep it current; a refetch would only throw away the pages loaded with "more".
    staleTime: Infinity,
  });
}

export function useComments(consultationId: string, code: string, sort: CommentSort, language = '') {
  return useInfiniteQuery(commentsQueryOptions(consultationId, code, sort, language));
}
