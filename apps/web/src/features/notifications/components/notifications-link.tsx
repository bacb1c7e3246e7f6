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
  // The name contains the visible text ("Notifications 2" within "Notifications, 2 unread"), as
  // speech-input users say what they see.
  return (
    <NavLink to={paths.notifications()} aria-label={count > 0 ? t('notifications.linkUnread', { count }) : undefined}>
      {t('notifications.link')}
      {count > 0 ? (
        <>
          {' '}
          <span className="notification-link__count">{count}</span>
        </>
      ) : null}
    </NavLink>
  );
}
