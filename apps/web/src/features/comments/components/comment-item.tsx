import { COMMENT_MAX_DEPTH, type Comment, type Country } from '@compact-voices/contracts';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../../components/country-options';
import { OrganisationBadge } from '../../../components/organisation-badge';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { StatusMessage } from '../../../components/status-message';
import { formatDate, formatDateTime } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { lazyNamed } from '../../../lib/lazy-named';
import { paths } from '../../../lib/paths';
import { SLOT, fillSlot } from '../../../lib/slot';
import { useDeleteComment } from '../api/delete-comment';
import { isTombstone, moderationNotice, type ModerationNotice } from '../moderation-notice';
import { CommentRevisions } from './comment-revisions';
import { ReactionButtons } from './reaction-buttons';

// The forms bring the form library and the request schemas: fetched when one is opened.
const CommentComposer = lazyNamed(() => import('./comment-composer'), 'CommentComposer');
const CommentEditForm = lazyNamed(() => import('./comment-edit-form'), 'CommentEditForm');
const FlagDialog = lazyNamed(() => import('./flag-dialog'), 'FlagDialog');

type Mode = 'view' | 'reply' | 'edit' | 'confirm-delete' | 'flag';
type FocusTarget = 'reply' | 'edit' | 'delete' | 'tombstone' | 'flag';

interface CommentItemProps {
  comment: Comment;
  /** Signed in, email confirmed and the round accepting contributions. */
  canWrite: boolean;
  /** Signed in with a confirmed email: may report others' comments to the moderators. */
  canFlag?: boolean;
  countries: readonly Country[];
  /** Its replies, already rendered. */
  children?: ReactNode;
  /** A moderator's tools for this comment (composed by the route); `describedBy` names the comment. */
  renderModeration?: (comment: Comment, describedBy: string) => ReactNode;
}

/** The tombstone's sentence, with the rule code as a link to that rule on the house rules page. */
function TombstoneText({ notice }: { notice: ModerationNotice }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  switch (notice.kind) {
    case 'deleted':
      return <>{t('comment.deletedByAuthor')}</>;
    case 'hidden-pending-review':
      return <>{t('comment.hiddenPendingReview')}</>;
    case 'removed-under-rule':
    case 'rejected-under-rule': {
      const key = notice.kind === 'removed-under-rule' ? 'removedUnderRule' : 'rejectedUnderRule';
      const text = notice.at
        ? t(`comment.${key}On`, { rule: SLOT, date: formatDate(notice.at, locale) })
        : t(`comment.${key}`, { rule: SLOT });
      return <>{fillSlot(text, <Link to={paths.rules(notice.ruleCode)}>{isolate(notice.ruleCode)}</Link>)}</>;
    }
    case 'rejected':
      return <>{t('comment.rejected')}</>;
    default:
      return <>{t('comment.removedByModerators')}</>;
  }
}

/**
 * One comment: who wrote it (as the API names them — a protected author is only a pseudonym), its
 * stance, country, time and "edited" mark, the text (server-sanitised HTML), reactions, and reply /
 * edit / delete. A removed comment is a tombstone that keeps its replies under it.
 */
export function CommentItem({ comment, canWrite, canFlag = false, countries, children, renderModeration }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteComment();
  const [mode, setMode] = useState<Mode>('view');
  const [outcome, setOutcome] = useState('');
  const [showRevisions, setShowRevisions] = useState(false);
  const focusAfter = useRef<FocusTarget | null>(null);
  const replyRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const flagRef = useRef<HTMLButtonElement>(null);
  const tombstoneRef = useRef<HTMLParagraphElement>(null);
  const locale = currentLocale(i18n);
  const idBase = `comment-${comment.id}`;
  const authorId = `${idBase}-author`;
  const notice = moderationNotice(comment);
  const tombstone = isTombstone(notice) || !comment.author;
  const published = comment.status === 'published';
  const own = comment.mine === true;
  const mayFlag = canFlag && published && !own && !tombstone;

  // Where focus goes when a form closes: back to the button that opened it (or to the tombstone).
  useEffect(() => {
    const target = focusAfter.current;
    if (mode !== 'view' || !target) return;
    focusAfter.current = null;
    const element = { reply: replyRef, edit: editRef, delete: deleteRef, tombstone: tombstoneRef, flag: flagRef }[target].current;
    element?.focus();
  }, [mode, comment.status]);

  const close = (target: FocusTarget, message = '') => {
    focusAfter.current = target;
    setOutcome(message);
    setMode('view');
  };

  const confirmDelete = () => {
    if (remove.isPending) return;
    remove.mutate(comment, { onSuccess: () => close('tombstone', t('comment.deleted')) });
  };

  const time = <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>;

  return (
    <li className={comment.depth > 0 ? 'comment-list__item comment-list__item--reply' : 'comment-list__item'}>
      <article className={tombstone ? 'comment comment--tombstone' : 'comment'} aria-labelledby={authorId}>
        {tombstone ? (
          <p id={authorId} ref={tombstoneRef} tabIndex={-1} className="comment__tombstone">
            <TombstoneText notice={notice} />
            <span className="meta"> · {time}</span>
          </p>
        ) : (
          <>
            <p className="comment__meta">
              <strong id={authorId} className="comment__author">
                <bdi>{comment.author!.displayName}</bdi>
              </strong>
              {comment.author!.stakeholderType ? <span> · {t(`stakeholderTypes.${comment.author!.stakeholderType}`)}</span> : null}
              {comment.author!.organisation ? (
                <span>
                  {' · '}
                  <bdi>{comment.author!.organisation.name}</bdi> <OrganisationBadge verified={comment.author!.organisation.verified} />
                </span>
              ) : null}
              {comment.author!.countryIso3 ? (
                <span>
                  {' · '}
                  <span>{countryName(countries, comment.author!.countryIso3)}</span>
                </span>
              ) : null}
              <span className="comment__time">
                {' · '}
                {time}
                {comment.editedAt ? <span className="comment__edited"> · {t('comment.edited')}</span> : null}
              </span>
            </p>
            {comment.stance || comment.countryIso3 || comment.status === 'pending' ? (
              <p className="comment__tags">
                {comment.status === 'pending' ? <span className="badge badge--pending">{t('comment.pending')}</span> : null}
                {comment.stance ? <span className={`badge badge--stance-${comment.stance}`}>{t(`stances.${comment.stance}`)}</span> : null}
                {comment.countryIso3 ? (
                  <span className="badge badge--muted">
                    {t('comment.about')} <span>{countryName(countries, comment.countryIso3)}</span>
                  </span>
                ) : null}
              </p>
            ) : null}
            {comment.status === 'pending' ? <p className="hint">{t('comment.pendingHint')}</p> : null}
            {mode === 'edit' ? (
              <Suspense fallback={<LoadingStatus />}>
                <CommentEditForm comment={comment} onDone={(saved) => close('edit', saved ? t('comment.editSaved') : '')} />
              </Suspense>
            ) : (
              // Server-sanitised HTML (the API renders the safe Markdown subset); the only kind we ever inject.
              <div
                className="comment__body prose"
                dir="auto"
                lang={comment.language ?? undefined}
                dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
              />
            )}
            {comment.pendingEdit && mode !== 'edit' ? (
              // Only its author and the round's moderators receive it; everyone else reads the published text above.
              <div className="comment__pending-edit">
                <p>
                  <span className="badge badge--pending">{own ? t('comment.pendingEditMine') : t('comment.pendingEditOther')}</span>{' '}
                  <span className="meta">{formatDateTime(comment.pendingEdit.submittedAt, locale)}</span>
                </p>
                <div
                  className="comment__body prose"
                  dir="auto"
                  lang={comment.language ?? undefined}
                  dangerouslySetInnerHTML={{ __html: comment.pendingEdit.bodyHtml }}
                />
              </div>
            ) : null}
            {own && comment.editedAt ? (
              <details className="comment__revisions" onToggle={(event) => setShowRevisions(event.currentTarget.open)}>
                <summary>{t('comment.earlierVersions')}</summary>
                {showRevisions ? <CommentRevisions commentId={comment.id} /> : null}
              </details>
            ) : null}
          </>
        )}

        {published ? <ReactionButtons comment={comment} canReact={canWrite} describedBy={authorId} /> : null}

        {(canWrite || mayFlag) && mode !== 'edit' ? (
          <div className="comment__actions">
            {canWrite && published && comment.depth < COMMENT_MAX_DEPTH ? (
              <button
                ref={replyRef}
                type="button"
                className="button button--secondary button--small"
                aria-expanded={mode === 'reply'}
                aria-describedby={authorId}
                onClick={() => (mode === 'reply' ? close('reply') : setMode('reply'))}
              >
                {t('comment.reply')}
              </button>
            ) : null}
            {canWrite && own && !tombstone ? (
              <>
                <button
                  ref={editRef}
                  type="button"
                  className="button button--secondary button--small"
                  aria-describedby={authorId}
                  onClick={() => setMode('edit')}
                >
                  {t('comment.edit')}
                </button>
                <button
                  ref={deleteRef}
                  type="button"
                  className="button button--secondary button--small"
                  aria-expanded={mode === 'confirm-delete'}
                  aria-describedby={authorId}
                  onClick={() => setMode(mode === 'confirm-delete' ? 'view' : 'confirm-delete')}
                >
                  {t('comment.delete')}
                </button>
              </>
            ) : null}
            {mayFlag ? (
              <button
                ref={flagRef}
                type="button"
                className="button button--secondary button--small"
                aria-haspopup="dialog"
                aria-describedby={authorId}
                onClick={() => setMode('flag')}
              >
                {t('comment.report')}
              </button>
            ) : null}
          </div>
        ) : null}

        {mode === 'flag' && comment.author ? (
          <Suspense fallback={<LoadingStatus />}>
            <FlagDialog commentId={comment.id} authorName={comment.author.displayName} onClose={() => close('flag')} />
          </Suspense>
        ) : null}

        {mode === 'confirm-delete' ? (
          <div className="comment__confirm" role="group" aria-labelledby={`${idBase}-confirm`}>
            <p id={`${idBase}-confirm`}>{t('comment.deleteConfirm')}</p>
            <div className="form-actions">
              <button type="button" className="button button--danger button--small" onClick={confirmDelete}>
                {remove.isPending ? t('comment.deleting') : t('comment.deleteYes')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => close('delete')}>
                {t('composer.cancel')}
              </button>
            </div>
            {remove.isError ? <ErrorAlert error={remove.error} /> : null}
          </div>
        ) : null}

        {mode === 'reply' ? (
          <Suspense fallback={<LoadingStatus />}>
            <CommentComposer
              consultationId={comment.consultationId}
              code={comment.recommendationCode}
              countries={countries}
              parent={comment}
              onPosted={(reply) => close('reply', reply.status === 'pending' ? t('composer.sentForModeration') : t('composer.replyPosted'))}
              onCancel={() => close('reply')}
            />
          </Suspense>
        ) : null}
        {renderModeration ? renderModeration(comment, authorId) : null}
        <StatusMessage>{outcome}</StatusMessage>
      </article>
      {children}
    </li>
  );
}
