import { useTranslation } from 'react-i18next';
import type { LiveThreadState } from '../hooks/use-live-thread';
import type { LiveStatus as Status } from '../../../lib/live/live-connection';

const STATUS_CLASS: Record<Status, string> = {
  connecting: 'live-status__state',
  live: 'live-status__state live-status__state--live',
  reconnecting: 'live-status__state live-status__state--warning',
  offline: 'live-status__state live-status__state--warning',
  unavailable: 'live-status__state live-status__state--warning',
};

/**
 * The thread's connection ("live", "reconnecting…", "offline"), how many people are here, and a
 * polite live region that announces comments as they arrive — it never moves focus.
 */
export function LiveStatus({ live }: { live: LiveThreadState }) {
  const { t } = useTranslation();
  const { status, presence, arrivals } = live;
  return (
    <div className="live-status">
      <p role="status" className={STATUS_CLASS[status]}>
        <span className="live-status__dot" aria-hidden="true" />
        {t(`live.status.${status}`)}
      </p>
      {presence !== null && status === 'live' ? <p className="live-status__presence">{t('live.presence', { count: presence })}</p> : null}
      {/* Always rendered (empty at first), so each arrival added here is announced. */}
      <div aria-live="polite" aria-relevant="additions" className="visually-hidden live-announcements">
        {arrivals.map(({ id, comment }) => (
          <p key={id}>
            {comment.parentId
              ? t('live.newReply', { name: comment.author?.displayName ?? '' })
              : t('live.newComment', { name: comment.author?.displayName ?? '' })}
          </p>
        ))}
      </div>
    </div>
  );
}
