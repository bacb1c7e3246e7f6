import type { Appeal } from '@compact-voices/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { StatusMessage } from '../../../components/status-message';
import { formatDate, formatDateTime } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { useRoundAppeals } from '../api/appeals';
import { AppealDecisionDialog } from './appeal-decision-dialog';

/** Pending appeals first, the oldest first, overdue ones marked in words (not colour alone). */
export function sortPendingAppeals(appeals: readonly Appeal[]): Appeal[] {
  return [...appeals].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.createdAt.localeCompare(b.createdAt));
}

function AppealCard({ appeal, onOutcome }: { appeal: Appeal; onOutcome: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [open, setOpen] = useState(false);
  const titleId = `appeal-${appeal.id}-title`;
  const decision = appeal.decision;
  return (
    <li className="card item-list__item">
      <h3 id={titleId} className="item-list__heading">
        {appeal.overdue ? <span className="badge badge--warning">{t('moderation.overdue')}</span> : null}{' '}
        {t('moderation.appealTitle', {
          name: appeal.comment?.author?.displayName ?? t('moderation.unknownAuthor'),
          date: formatDate(appeal.createdAt, locale),
        })}
      </h3>
      {/* Appeals of sanctions (no decision) get their own card when the web UI for sanctions is built. */}
      {decision ? (
        <>
          <p>
            {t('moderation.appealedDecision', {
              action: t(`moderationOutcomes.${decision.action}`),
              rule: isolate(`${decision.ruleCode} — ${decision.ruleTitle}`),
              date: formatDateTime(decision.appliedAt ?? decision.decidedAt, locale),
            })}
          </p>
          <p>
            <strong>{t('moderation.originalReason')}</strong> <span dir="auto">{decision.reason}</span>
          </p>
          {decision.decidedBy ? <p className="meta">{t('moderation.decidedBy', { name: decision.decidedBy.displayName })}</p> : null}
        </>
      ) : null}
      {appeal.comment ? (
        <div className="queue-item__comment prose" dir="auto" dangerouslySetInnerHTML={{ __html: appeal.comment.bodyHtml }} />
      ) : null}
      <p>
        <strong>{t('moderation.appealText')}</strong>{' '}
        <span dir="auto" className="overflow-anywhere">
          {appeal.text}
        </span>
      </p>
      {appeal.status === 'pending' ? (
        <>
          {appeal.readerIsOriginalDecider ? <p className="hint">{t('errors.ORIGINAL_DECIDER')}</p> : null}
          <p>
            <button
              type="button"
              className="button button--small"
              aria-haspopup="dialog"
              aria-describedby={titleId}
              onClick={() => setOpen(true)}
            >
              {t('moderation.decideAppeal')}
            </button>
          </p>
        </>
      ) : (
        <p>
          <strong>{t(`appealStatus.${appeal.status}`)}</strong>
          {appeal.outcomeReason ? (
            <>
              {' — '}
              <span dir="auto">{appeal.outcomeReason}</span>
            </>
          ) : null}
        </p>
      )}
      {open ? (
        <AppealDecisionDialog
          appeal={appeal}
          onClose={() => setOpen(false)}
          onDecided={(decided) => {
            setOpen(false);
            onOutcome(t('moderation.appealDecided', { outcome: t(`appealStatus.${decided.status}`) }));
          }}
        />
      ) : null}
    </li>
  );
}

/** The round's appeals: pending (overdue first) and then those already decided. */
export function AppealsPanel({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const pending = useRoundAppeals(consultationId, 'pending');
  const decided = useRoundAppeals(consultationId, 'decided');
  const [outcome, setOutcome] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const report = (message: string) => {
    setOutcome(message);
    ref.current?.focus();
  };

  return (
    <div ref={ref} tabIndex={-1}>
      <StatusMessage>{outcome}</StatusMessage>
      <h3 id="appeals-pending">{t('moderation.pendingAppeals')}</h3>
      {pending.isError ? <ErrorAlert error={pending.error} onRetry={() => void pending.refetch()} /> : null}
      {pending.isPending ? <LoadingStatus /> : null}
      {pending.data && pending.data.items.length === 0 ? <p>{t('moderation.noPendingAppeals')}</p> : null}
      {pending.data && pending.data.items.length > 0 ? (
        <ul className="item-list" aria-labelledby="appeals-pending">
          {sortPendingAppeals(pending.data.items).map((appeal) => (
            <AppealCard key={`${appeal.id}:${appeal.status}`} appeal={appeal} onOutcome={report} />
          ))}
        </ul>
      ) : null}
      <h3 id="appeals-decided">{t('moderation.decidedAppeals')}</h3>
      {decided.isError ? <ErrorAlert error={decided.error} onRetry={() => void decided.refetch()} /> : null}
      {decided.data && decided.data.items.length === 0 ? <p>{t('moderation.noDecidedAppeals')}</p> : null}
      {decided.data && decided.data.items.length > 0 ? (
        <ul className="item-list" aria-labelledby="appeals-decided">
          {decided.data.items.map((appeal) => (
            <AppealCard key={`${appeal.id}:${appeal.status}`} appeal={appeal} onOutcome={report} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
