import type { ModerationQueue, QueueSort } from '@compact-voices/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { moderationQueryRoot } from '../../../lib/query-keys';

export const QUEUE_PAGE_SIZE = 20;

/** Which queue: a round's (its moderators, admins) or the safeguarding queue (safeguarding role only). */
export type QueueSource = { kind: 'round'; consultationId: string } | { kind: 'safeguarding' };

/**
 * GET /moderation/queue?consultationId=&sort=&cursor=&limit= — 403 NOT_A_MODERATOR for others;
 * GET /moderation/safeguarding-queue?sort=&cursor= — every view is written to the audit log.
 */
export function getQueue(source: QueueSource, sort: QueueSort, cursor: string | null, signal?: AbortSignal): Promise<ModerationQueue> {
  return source.kind === 'round'
    ? apiGet<ModerationQueue>('/moderation/queue', {
        params: { consultationId: source.consultationId, sort, cursor, limit: QUEUE_PAGE_SIZE },
        signal,
      })
    : apiGet<ModerationQueue>('/moderation/safeguarding-queue', { params: { sort, cursor, limit: QUEUE_PAGE_SIZE }, signal });
}

/** Every sort of one queue: a decision refreshes them all. */
export function queueQueryRoot(source: QueueSource) {
  return [...moderationQueryRoot, 'queue', source.kind === 'round' ? source.consultationId : 'safeguarding'] as const;
}

export function queueQueryOptions(source: QueueSource, sort: QueueSort) {
  return infiniteQueryOptions({
    queryKey: [...queueQueryRoot(source), sort] as const,
    queryFn: ({ pageParam, signal }) => getQueue(source, sort, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 0,
  });
}

export function useQueue(source: QueueSource, sort: QueueSort) {
  return useInfiniteQuery(queueQueryOptions(source, sort));
}
