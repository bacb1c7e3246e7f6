import { FLAG_REASONS, type ModerationAction, type ModerationDecision, type QueueItem } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useCosignDecision } from '../api/decisions';
import { availableActions, canCosign, flagCounts } from '../queue-item-actions';
import { DecisionDialog } from './decision-dialog';
import { SanctionDialog } from './sanction-dialog';

interface QueueItemCardProps {
  item: QueueItem;
  /** What happened, for the queue's status line. */
  onOutcome: (message: string) => void;
  /** Another moderator decided first: refresh the queue. */
  onConflict: () => void;
  /** Moderators of the round may suspend the author (not offered in the safeguarding queue). */
  canSuspend?: boolean;
  /** Names for the round's countries (conflict of interest). */
  countryName: (iso3: string) => string;
}

/**
 * One comment waiting for a decision: the comment as the API gives it (the author only as named
 * there — never more), why it waits, the flags by reason with the flaggers' notes, the comment it
 * answers, a link to the thread, and the decisions that fit its state.
 */
export function QueueItemCard({ item, onOutcome, onConflict, canSuspend = false, countryName }: QueueItemCardProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const cosign = useCosignDecision();
  const [dialog, setDialog] = useState<ModerationAction | 'suspend' | null>(null);
  const { comment } = item;
  const titleId = `queue-${comment.id}-title`;
  const author = comment.author?.displayName ?? t('moderation.unknownAuthor');
  const waiting = item.awaitingCosign;

  const decided = (decision: ModerationDecision) => {
    setDialog(null);
    onOutcome(
      decision.status === 'awaiting-cosign'
        ? t('moderation.outcome.awaitingCosign', { name: author })
        : t(`moderation.outcome.${decision.action}`, { name: author, rule: isolate(decision.ruleCode) }),
    );
  };

  return (
    <li className="card item-list__item">
      <h3 id={titleId} className="item-list__heading">
        {t('moderation.itemTitle', { name: author })}
      </h3>
      <p className="meta">
        {t('moderation.postedAt', { date: formatDateTime(comment.createdAt, locale) })} ·{' '}
        {t('moderation.queuedAt', { date: formatDateTime(item.queuedAt, locale) })}
      </p>
      <p className="badge-row">
        <span className="badge">{t(`commentStatus.${comment.status}`)}</span>
        {item.heldReason ? <span className="badge badge--pending">{t(`heldReasons.${item.heldReason}`)}</span> : null}
        {item.conflictOfInterest ? <span className="badge badge--warning">{t('moderation.conflictBadge')}</span> : null}
      </p>
      {item.parent ? (
        <div className="queue-item__context">
          <p className="meta">{t('moderation.inReplyTo', { name: item.parent.author?.displayName ?? t('moderation.unknownAuthor') })}</p>
          <div
            className="prose"
            dir="auto"
            lang={item.parent.language ?? undefined}
            dangerouslySetInnerHTML={{ __html: item.parent.bodyHtml }}
          />
        </div>
      ) : null}
      {/* Server-sanitised HTML, as in the thread. */}
      <div
        className="queue-item__comment prose"
        dir="auto"
        lang={comment.language ?? undefined}
        dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
      />
      {item.flags.total > 0 ? (
        <div>
          <p>
            <strong>{t('moderation.flagsTotal', { count: item.flags.total })}</strong>
          </p>
          <ul className="inline-list">
            {flagCounts(item.flags, FLAG_REASONS).map(({ reason, count }) => (
              <li key={reason}>{t('moderation.flagReasonCount', { reason: t(`flagReasons.${reason}`), count })}</li>
            ))}
          </ul>
          {item.flags.notes.length > 0 ? (
            <>
              <p className="meta">{t('moderation.flagNotes')}</p>
              <ul>
                {item.flags.notes.map((note, index) => (
                  <li key={index} dir="auto" className="overflow-anywhere">
                    {note}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <p>
        <Link to={paths.thread(comment.consultationId, comment.recommendationCode)} aria-describedby={titleId}>
          {t('moderation.threadLink', { code: isolate(comment.recommendationCode) })}
        </Link>
      </p>
      {waiting ? (
        <p className="notice">
          {t('moderation.waitingForCosign', { country: waiting.conflictCountryIso3 ? countryName(waiting.conflictCountryIso3) : '—' })}{' '}
          {t('moderation.waitingDecision', { action: t(`moderationOutcomes.${waiting.action}`), rule: isolate(waiting.ruleCode) })}
        </p>
      ) : null}
      {item.conflictOfInterest && !waiting ? <p className="hint">{t('moderation.conflictHint')}</p> : null}
      <div className="queue-item__actions">
        {availableActions(item).map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'hide' || action === 'reject' ? 'button button--danger button--small' : 'button button--small'}
            aria-haspopup="dialog"
            aria-describedby={titleId}
            onClick={() => setDialog(action)}
          >
            {t(`moderationActions.${action}`)}
          </button>
        ))}
        {waiting && canCosign(item) ? (
          <button
            type="button"
            className="button button--small"
            aria-describedby={titleId}
            aria-disabled={cosign.isPending || undefined}
            onClick={() => {
              if (cosign.isPending) return;
              cosign.mutate(waiting.id, { onSuccess: (decision) => decided(decision) });
            }}
          >
            {t('moderation.cosign')}
          </button>
        ) : null}
        {canSuspend && comment.author ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-haspopup="dialog"
            aria-describedby={titleId}
            onClick={() => setDialog('suspend')}
          >
            {t('moderation.suspend')}
          </button>
        ) : null}
      </div>
      {cosign.isError ? <ErrorAlert error={cosign.error} /> : null}
      {dialog === 'suspend' ? (
        <SanctionDialog
          item={item}
          onClose={() => setDialog(null)}
          onSuspended={(sanction) => {
            setDialog(null);
            onOutcome(t('moderation.outcome.suspended', { name: author, date: formatDateTime(sanction.until, locale) }));
          }}
        />
      ) : dialog ? (
        <DecisionDialog
          item={item}
          action={dialog}
          onClose={() => setDialog(null)}
          onDecided={decided}
          onConflict={() => {
            setDialog(null);
            onConflict();
          }}
        />
      ) : null}
    </li>
  );
}
