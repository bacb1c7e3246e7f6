import type { SessionSummary } from '@compact-voices/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { useRevokeSession } from '../api/revoke-session';

/** Where the account is signed in, this browser first; every other session can be ended. */
export function SessionList({ sessions }: { sessions: readonly SessionSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const revoke = useRevokeSession();
  const [outcome, setOutcome] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const sorted = [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));

  const end = (session: SessionSummary) => {
    if (revoke.isPending) return;
    setOutcome('');
    revoke.mutate(session.id, {
      onSuccess: () => {
        setOutcome(t('sessions.ended'));
        // The button pressed is gone with its session: keep focus in the list.
        listRef.current?.focus();
      },
    });
  };

  return (
    <>
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      <StatusMessage>{outcome}</StatusMessage>
      <ul ref={listRef} tabIndex={-1} className="item-list" aria-label={t('sessions.listLabel')}>
        {sorted.map((session) => {
          const device = session.userAgent ?? t('sessions.unknownDevice');
          const labelId = `session-${session.id}`;
          return (
            <li key={session.id} className="card item-list__item">
              <p id={labelId} className="item-list__title">
                <bdi>{device}</bdi>
                {session.current ? <span className="badge">{t('sessions.current')}</span> : null}
              </p>
              <p className="meta">
                {t('sessions.signedIn', { date: formatDateTime(session.createdAt, locale) })}
                <br />
                {t('sessions.lastSeen', { date: formatDateTime(session.lastSeenAt, locale) })}
              </p>
              {session.current ? (
                <p className="hint">{t('sessions.currentHint')}</p>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-describedby={labelId}
                  aria-disabled={revoke.isPending || undefined}
                  onClick={() => end(session)}
                >
                  {revoke.isPending && revoke.variables === session.id ? t('sessions.ending') : t('sessions.end')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
