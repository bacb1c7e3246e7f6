import { FLAG_REASONS, type CommentModerationHistory, type ModerationDecision } from '@compact-voices/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Dialog } from '../../../components/dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useCommentHistory } from '../api/get-comment-history';
import { flagCounts } from '../queue-item-actions';

interface CommentHistoryDialogProps {
  commentId: string;
  /** The author as the thread names them. */
  author: string;
  onClose: () => void;
  /** The comment's earlier versions (composed by the route). */
  renderRevisions?: () => ReactNode;
}

function Reports({ flags }: { flags: CommentModerationHistory['flags'] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  if (flags.length === 0) return <p>{t('commentHistory.noReports')}</p>;
  const byReason: Partial<Record<(typeof FLAG_REASONS)[number], number>> = {};
  for (const flag of flags) byReason[flag.reason] = (byReason[flag.reason] ?? 0) + 1;
  return (
    <>
      <ul className="inline-list">
        {flagCounts({ total: flags.length, byReason, notes: [] }, FLAG_REASONS).map(({ reason, count }) => (
          <li key={reason}>{t('moderation.flagReasonCount', { reason: t(`flagReasons.${reason}`), count })}</li>
        ))}
      </ul>
      <ol className="history-list">
        {flags.map((flag, index) => (
          <li key={index}>
            <span className="meta">{formatDateTime(flag.createdAt, locale)}</span> · {t(`flagReasons.${flag.reason}`)}
            {flag.resolved ? ` · ${t('commentHistory.resolved')}` : ''}
            {flag.note ? (
              <p dir="auto" className="overflow-anywhere">
                {flag.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function DecisionEntry({ decision }: { decision: ModerationDecision }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <li>
      <p>
        <strong>{t(`moderationActions.${decision.action}`)}</strong> · {t('commentHistory.underRule')}{' '}
        <Link to={paths.rules(decision.ruleCode)}>{isolate(decision.ruleCode)}</Link> <bdi>{decision.ruleTitle}</bdi> ·{' '}
        {t(`decisionStatus.${decision.status}`)}
      </p>
      <p dir="auto" className="overflow-anywhere">
        {t('moderation.originalReason')} {decision.reason}
      </p>
      <p className="meta">
        {decision.decidedBy
          ? t('commentHistory.decidedBy', { name: decision.decidedBy.displayName, date: formatDateTime(decision.decidedAt, locale) })
          : formatDateTime(decision.decidedAt, locale)}
        {decision.conflict ? ` · ${t('moderation.conflictBadge')}` : ''}
        {decision.cosignedBy ? ` · ${t('commentHistory.cosignedBy', { name: decision.cosignedBy.displayName })}` : ''}
      </p>
      {decision.appeal ? (
        <p className="meta">
          {t('commentHistory.appealed', { date: formatDateTime(decision.appeal.createdAt, locale) })}{' '}
          {t(`appealStatus.${decision.appeal.status}`)}
          {decision.appeal.outcomeReason ? ` — ${decision.appeal.outcomeReason}` : ''}
        </p>
      ) : null}
    </li>
  );
}

/** A comment's moderation record: reports by reason (never who), decisions with co-signatures and appeals, earlier versions. */
export function CommentHistoryDialog({ commentId, author, onClose, renderRevisions }: CommentHistoryDialogProps) {
  const { t } = useTranslation();
  const history = useCommentHistory(commentId);
  return (
    <Dialog title={t('commentHistory.title', { name: author })} onClose={onClose}>
      <h3>{t('commentHistory.reportsHeading')}</h3>
      {history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : !history.data ? (
        <LoadingStatus />
      ) : (
        <>
          <Reports flags={history.data.flags} />
          <h3>{t('commentHistory.decisionsHeading')}</h3>
          {history.data.decisions.length === 0 ? (
            <p>{t('commentHistory.noDecisions')}</p>
          ) : (
            <ol className="history-list">
              {history.data.decisions.map((decision) => (
                <DecisionEntry key={decision.id} decision={decision} />
              ))}
            </ol>
          )}
        </>
      )}
      {renderRevisions ? (
        <>
          <h3>{t('commentHistory.revisionsHeading')}</h3>
          {renderRevisions()}
        </>
      ) : null}
    </Dialog>
  );
}
