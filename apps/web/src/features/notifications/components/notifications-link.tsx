import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../../lib/paths';
import { useUnreadCount } from '../api/get-notifications';
import { useLiveNotifications } from '../hooks/use-live-notifications';

/**
 * The header's way to the notification centre, with the unread count in its name ("Notifications,
 * 2 unread"); the number is also shown. Kept current by the live socket.
 */
export function NotificationsLink({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  useLiveNotifications(signedIn);
  const unread = useUnreadCount(signedIn);
  const count = unread.data ?? 0;
  return (
    <NavLink to={paths.notifications()} aria-label={count > 0 ? t('notifications.linkUnread', { count }) : t('notifications.link')}>
      {t('notifications.link')}
      {count > 0 ? (
        <span className="notification-link__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
