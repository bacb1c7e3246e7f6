import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { notificationsQueryRoot } from '../../../lib/query-keys';

/** POST /notifications/{id}/read — 204; marking twice is the same state. */
export function markNotificationRead(id: string): Promise<void> {
  return apiPost<void>(`/notifications/${encodeURIComponent(id)}/read`);
}

/** POST /notifications/read-all — 204. */
export function markAllNotificationsRead(): Promise<void> {
  return apiPost<void>('/notifications/read-all');
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryRoot }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryRoot }),
  });
}
