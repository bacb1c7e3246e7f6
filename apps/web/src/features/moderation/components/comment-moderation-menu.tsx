import type { Comment, ModerationAction, ModerationDecision, Sanction } from '@compact-voices/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { formatDateTime } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { useCosignDecision } from '../api/decisions';
import { useHighlightComment } from '../api/highlight-comment';
import { availableActions } from '../queue-item-actions';
import { CommentHistoryDialog } from './comment-history-dialog';
import { DecisionDialog } from './decision-dialog';
import { SanctionDialog } from './sanction-dialog';

type Open = 'menu' | ModerationAction | 'suspend' | 'history' | null;

interface CommentModerationMenuProps {
  comment: Comment;
  /** The id of the element that names the comment (its author line): describes the buttons. */
  describedBy: string;
  /** The reader moderates the comment's round. */
  moderates: boolean;
  /** The reader handles the round's safeguarding concerns (decides on reported risks). */
  safeguards: boolean;
  /** A proposal on this comment waiting for a second moderator's co-signature (the round's decisions). */
  awaiting: ModerationDecision | null;
  /** The comment's earlier versions (the route composes them from the comments feature). */
  renderRevisions?: () => ReactNode;
}

/**
 * A moderator's tools on one comment of the thread: the waiting proposal with "Co-sign", and a
 * "Moderate" dialog with the decisions that fit the comment's state (the same decision dialog as
 * the queue: a rule and a reason), suspending its author in the round, marking it for the report,
 * and its history. What the reader may do is the API's to say: a refusal is shown as it comes.
 */
export function CommentModerationMenu({
  comment,
  describedBy,
  moderates,
  safeguards,
  awaiting,
  renderRevisions,
}: CommentModerationMenuProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const cosign = useCosignDecision();
  const highlight = useHighlightComment();
  const [open, setOpen] = useState<Open>(null);
  const [proposed, setProposed] = useState<ModerationDecision | null>(null);
  // The API does not say whether a comment is marked for the report: what this page did is all we know.
  const [highlighted, setHighlighted] = useState(false);
  const [outcome, setOutcome] = useState('');
  if (comment.status === 'deleted' || (!moderates && !safeguards)) return null;

  const author = comment.author?.displayName ?? t('moderation.unknownAuthor');
  // Our own proposal shows at once, before the round's decisions are read again.
  const pending = awaiting ?? (proposed && proposed.status === 'awaiting-cosign' ? proposed : null);
  const actions = availableActions({ comment, awaitingCosign: pending });
  const mayCosign = Boolean(pending && awaiting && !awaiting.decidedByMe);
  const published = comment.status === 'published';

  const choose = (next: Open) => {
    setOutcome('');
    cosign.reset();
    highlight.reset();
    setOpen(next);
  };

  const decided = (decision: ModerationDecision) => {
    setOpen(null);
    if (decision.status === 'awaiting-cosign') {
      setProposed(decision);
      setOutcome(t('threadModeration.awaitingCosign'));
    } else {
      setProposed(null);
      setOutcome(t(`moderation.outcome.${decision.action}`, { name: author, rule: isolate(decision.ruleCode) }));
    }
  };

  const handleCosign = () => {
    if (!awaiting || cosign.isPending) return;
    cosign.mutate(awaiting.id, {
      onSuccess: (decision) => {
        setOpen(null);
        setProposed(null);
        setOutcome(t('threadModeration.cosigned', { name: author, rule: isolate(decision.ruleCode) }));
      },
    });
  };

  const handleHighlight = () => {
    if (highlight.isPending) return;
    highlight.mutate(
      { commentId: comment.id, highlighted: !highlighted },
      {
        onSuccess: (result) => {
          setHighlighted(result.highlighted);
          setOpen(null);
          setOutcome(result.highlighted ? t('threadModeration.marked') : t('threadModeration.unmarked'));
        },
      },
    );
  };

  const suspended = (sanction: Sanction) => {
    setOpen(null);
    setOutcome(
      sanction.status === 'awaiting-cosign'
        ? t('threadModeration.suspensionAwaiting', { name: author })
        : t('moderation.outcome.suspended', { name: author, date: formatDateTime(sanction.until, locale) }),
    );
  };

  const cosignButton = (
    <button
      type="button"
      className="button button--small"
      aria-describedby={describedBy}
      aria-disabled={cosign.isPending || undefined}
      onClick={handleCosign}
    >
      {cosign.isPending ? t('form.sending') : t('moderation.cosign')}
    </button>
  );

  return (
    <div className="comment__moderation">
      {pending ? (
        <div className="notice comment__proposal">
          <p>
            <strong>{t('threadModeration.awaitingCosign')}</strong>{' '}
            {t('moderation.waitingDecision', { action: t(`moderationOutcomes.${pending.action}`), rule: isolate(pending.ruleCode) })}
          </p>
          {mayCosign ? cosignButton : null}
        </div>
      ) : null}
      {cosign.isError && open !== 'menu' ? <ErrorAlert error={cosign.error} /> : null}
      <div className="comment__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-haspopup="dialog"
          aria-describedby={describedBy}
          onClick={() => choose('menu')}
        >
          {t('threadModeration.moderate')}
        </button>
      </div>
      <StatusMessage>{outcome}</StatusMessage>

      {open === 'menu' ? (
        <Dialog
          title={t('threadModeration.menuTitle', { name: author })}
          description={t(`commentStatus.${comment.status}`)}
          onClose={() => setOpen(null)}
        >
          <ul className="moderation-menu">
            {actions.map((action) => (
              <li key={action}>
                <button
                  type="button"
                  className={action === 'hide' || action === 'reject' ? 'button button--danger' : 'button'}
                  aria-haspopup="dialog"
                  onClick={() => choose(action)}
                >
                  {t(`moderationActions.${action}`)}
                </button>
              </li>
            ))}
            {mayCosign ? <li>{cosignButton}</li> : null}
            {moderates && comment.author ? (
              <li>
                <button type="button" className="button button--secondary" aria-haspopup="dialog" onClick={() => choose('suspend')}>
                  {t('threadModeration.suspendAuthor')}
                </button>
              </li>
            ) : null}
            {moderates && published ? (
              <li>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-disabled={highlight.isPending || undefined}
                  onClick={handleHighlight}
                >
                  {highlighted ? t('threadModeration.unmark') : t('threadModeration.mark')}
                </button>
              </li>
            ) : null}
            <li>
              <button type="button" className="button button--secondary" aria-haspopup="dialog" onClick={() => choose('history')}>
                {t('threadModeration.history')}
              </button>
            </li>
          </ul>
          {cosign.isError ? <ErrorAlert error={cosign.error} /> : null}
          {highlight.isError ? <ErrorAlert error={highlight.error} /> : null}
        </Dialog>
      ) : open === 'history' ? (
        <CommentHistoryDialog commentId={comment.id} author={author} onClose={() => setOpen(null)} renderRevisions={renderRevisions} />
      ) : open === 'suspend' ? (
        <SanctionDialog item={{ comment }} onClose={() => setOpen(null)} onSuspended={suspended} />
      ) : open ? (
        <DecisionDialog
          item={{ comment }}
          action={open}
          showAwaitingResult
          onClose={() => setOpen(null)}
          onDecided={decided}
          onConflict={() => {
            setOpen(null);
            setOutcome(t('threadModeration.conflict'));
          }}
        />
      ) : null}
    </div>
  );
}
