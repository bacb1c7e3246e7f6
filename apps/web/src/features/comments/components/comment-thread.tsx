import type { Comment, CommentSort, Country } from '@compact-voices/contracts';
import { Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useSession } from '../../../hooks/use-session';
import { hasSessionHint } from '../../../lib/auth-session';
import { lazyNamed } from '../../../lib/lazy-named';
import { useComments } from '../api/get-comments';
import { threadComments } from '../api/comment-cache';
import { CommentItem } from './comment-item';

// Only someone who has a session on this device can have written anything offline: a first-time
// reader never downloads the outbox (nor IndexedDB's library).
const PendingWrites = lazyNamed(() => import('./pending-writes'), 'PendingWrites', { readerOnly: true });

interface CommentThreadProps {
  /** Only top-level comments written in this language ('' for every language). */
  language?: string;
  consultationId: string;
  code: string;
  sort: CommentSort;
  canWrite: boolean;
  /** Signed in with a confirmed email: others' comments get "Report". */
  canFlag?: boolean;
  countries: readonly Country[];
  /** A moderator's tools on each comment (composed by the route from the moderation feature). */
  renderModeration?: (comment: Comment, describedBy: string) => ReactNode;
}

interface Node {
  comment: Comment;
  replies: Node[];
}

/** The flat list (thread order) as a tree; a reply whose parent is not here is shown at the top level. */
export function buildTree(comments: readonly Comment[]): Node[] {
  const nodes = new Map<string, Node>(comments.map((comment) => [comment.id, { comment, replies: [] }]));
  const roots: Node[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    const parent = comment.parentId ? nodes.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The discussion as nested lists (replies inside their comment), with "show more" for older pages. */
export function CommentThread({
  consultationId,
  code,
  sort,
  language = '',
  canWrite,
  canFlag = false,
  countries,
  renderModeration,
}: CommentThreadProps) {
  const { t } = useTranslation();
  const comments = useComments(consultationId, code, sort, language);
  const tree = useMemo(() => buildTree(threadComments(comments.data)), [comments.data]);
  const session = useSession();
  const pending =
    session.status === 'signed-in' || hasSessionHint() ? (
      <Suspense fallback={null}>
        <PendingWrites consultationId={consultationId} code={code} countries={countries} />
      </Suspense>
    ) : null;

  if (comments.isError && !comments.data) {
    return (
      <>
        {pending}
        <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />
      </>
    );
  }
  if (!comments.data) {
    return (
      <>
        {pending}
        <LoadingStatus label={t('thread.loadingComments')} />
      </>
    );
  }

  const render = (nodes: Node[]): ReactNode =>
    nodes.map(({ comment, replies }) => (
      <CommentItem
        key={comment.id}
        comment={comment}
        canWrite={canWrite}
        canFlag={canFlag}
        countries={countries}
        renderModeration={renderModeration}
      >
        {replies.length > 0 ? (
          <ol
            className="comment-list comment-list--replies"
            aria-label={t('thread.repliesLabel', { name: comment.author?.displayName ?? t('thread.removedComment') })}
          >
            {render(replies)}
          </ol>
        ) : null}
      </CommentItem>
    ));

  return (
    <>
      {pending}
      {tree.length === 0 ? (
        <p className="empty-thread">{canWrite ? t('thread.noCommentsYetInvite') : t('thread.noCommentsYet')}</p>
      ) : (
        <ol className="comment-list" aria-label={t('thread.commentsLabel')}>
          {render(tree)}
        </ol>
      )}
      {comments.isFetchNextPageError ? <ErrorAlert error={comments.error} /> : null}
      {comments.hasNextPage ? (
        <p className="load-more">
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={comments.isFetchingNextPage || undefined}
            onClick={() => {
              if (!comments.isFetchingNextPage) void comments.fetchNextPage();
            }}
          >
            {comments.isFetchingNextPage ? t('status.loading') : t('thread.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
