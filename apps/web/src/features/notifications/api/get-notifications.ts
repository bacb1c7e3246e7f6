import type { NotificationPage } from '@compact-voices/contracts';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { notificationsQueryRoot } from '../../../lib/query-keys';

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** GET /notifications?cursor=&limit= — my notifications, newest first, with the unread count. */
export function getNotifications(params: { cursor?: string | null; limit: number }, signal?: AbortSignal): Promise<NotificationPage> {
  return apiGet<NotificationPage>('/notifications', { params: { cursor: params.cursor, limit: params.limit }, signal });
}

/** The header's unread count: one notification is enough to carry it. */
export function unreadQueryOptions() {
  return queryOptions({
    queryKey: [...notificationsQueryRoot, 'unread'] as const,
    queryFn: ({ signal }) => getNotifications({ limit: 1 }, signal),
    select: (page) => page.unread,
    // The live socket invalidates it at once; this catches up when the socket could not connect.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...unreadQueryOptions(), enabled });
}

export function notificationsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...notificationsQueryRoot, 'list'] as const,
    queryFn: ({ pageParam, signal }) => getNotifications({ cursor: pageParam, limit: NOTIFICATIONS_PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 0,
  });
}

export function useNotifications() {
  return useInfiniteQuery(notificationsQueryOptions());
}
