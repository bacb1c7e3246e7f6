import type { Notification } from '@compact-voices/contracts';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate, formatDateTime } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useMarkNotificationRead } from '../api/mark-read';
import { canAppeal, notificationText } from '../notification-text';

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const markRead = useMarkNotificationRead();
  const text = notificationText(notification);
  const titleId = `notification-${notification.id}-title`;
  const unread = notification.readAt === null;
  const rule = notification.ruleCode
    ? `${isolate(notification.ruleCode)}${notification.ruleTitle ? ` (${notification.ruleTitle})` : ''}`
    : '';
  const title = t(text.key, {
    action: text.action ? t(text.action as ParseKeys) : '',
    outcome: text.outcome ? t(text.outcome as ParseKeys) : '',
    rule,
    until: notification.until ? isolate(formatDate(notification.until, locale)) : '',
  });
  const thread =
    notification.consultationId && notification.recommendationCode
      ? paths.thread(notification.consultationId, notification.recommendationCode)
      : null;

  return (
    <li className={unread ? 'card item-list__item notification--unread' : 'card item-list__item'}>
      <h2 id={titleId} className="item-list__heading">
        {unread ? <span className="badge">{t('notifications.new')}</span> : null} {title}
      </h2>
      <p className="meta">
        <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, locale)}</time>
      </p>
      {notification.reason ? (
        <p>
          <strong>{t('notifications.reasonLabel')}</strong> <span dir="auto">{notification.reason}</span>
        </p>
      ) : null}
      {notification.ruleCode ? (
        <p>
          <Link to={paths.rules(notification.ruleCode)}>{t('notifications.ruleLink', { code: isolate(notification.ruleCode) })}</Link>
        </p>
      ) : null}
      <ul className="inline-list">
        {thread ? (
          <li>
            <Link to={thread} aria-describedby={titleId}>
              {t('notifications.threadLink')}
            </Link>
          </li>
        ) : null}
        {canAppeal(notification) ? (
          <li>
            <Link to={paths.newAppeal(notification.decisionId!)} aria-describedby={titleId}>
              {t('notifications.appealLink', { date: isolate(formatDate(notification.appealableUntil!, locale)) })}
            </Link>
          </li>
        ) : null}
        {notification.appealId ? (
          <li>
            <Link to={paths.appeal(notification.appealId)} aria-describedby={titleId}>
              {t('notifications.appealStatusLink')}
            </Link>
          </li>
        ) : null}
      </ul>
      {unread ? (
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-describedby={titleId}
            aria-disabled={markRead.isPending || undefined}
            onClick={() => {
              if (!markRead.isPending) markRead.mutate(notification.id);
            }}
          >
            {t('notifications.markRead')}
          </button>
        </p>
      ) : null}
      {markRead.isError ? <ErrorAlert error={markRead.error} /> : null}
    </li>
  );
}

export function NotificationList({ items }: { items: readonly Notification[] }) {
  const { t } = useTranslation();
  return (
    <ul className="item-list" aria-label={t('notifications.listLabel')}>
      {items.map((notification) => (
        <NotificationItem key={notification.id} notification={notification} />
      ))}
    </ul>
  );
}
