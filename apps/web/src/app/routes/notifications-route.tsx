import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useNotifications } from '../../features/notifications/api/get-notifications';
import { useMarkAllNotificationsRead } from '../../features/notifications/api/mark-read';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** My notifications: moderation decisions on my comments (with the rule and reason), appeal outcomes, suspensions. */
export function NotificationsRoute() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markAll = useMarkAllNotificationsRead();
  const [outcome, setOutcome] = useState('');
  useDocumentTitle(t('notifications.heading'));

  const pages = notifications.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const unread = pages[0]?.unread ?? 0;

  return (
    <>
      <PageHeading>{t('notifications.heading')}</PageHeading>
      <p className="lead">{t('notifications.intro')}</p>
      {notifications.isError && !notifications.data ? (
        <ErrorAlert error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : null}
      {notifications.isPending ? <LoadingStatus /> : null}
      {notifications.data ? (
        <>
          <p>{unread > 0 ? t('notifications.unreadCount', { count: unread }) : t('notifications.allRead')}</p>
          {unread > 0 ? (
            <p>
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={markAll.isPending || undefined}
                onClick={() => {
                  if (markAll.isPending) return;
                  markAll.mutate(undefined, { onSuccess: () => setOutcome(t('notifications.allMarked')) });
                }}
              >
                {t('notifications.markAllRead')}
              </button>
            </p>
          ) : null}
          {markAll.isError ? <ErrorAlert error={markAll.error} /> : null}
          <StatusMessage>{outcome}</StatusMessage>
          {items.length === 0 ? <p>{t('notifications.none')}</p> : <NotificationList items={items} />}
          {notifications.hasNextPage ? (
            <p className="load-more">
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={notifications.isFetchingNextPage || undefined}
                onClick={() => {
                  if (!notifications.isFetchingNextPage) void notifications.fetchNextPage();
                }}
              >
                {notifications.isFetchingNextPage ? t('status.loading') : t('notifications.loadMore')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
