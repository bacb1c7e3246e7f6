import type { Comment, RatingSummary, ThreadEvent } from '@compact-voices/contracts';
import type { QueryClient, QueryCacheNotifyEvent } from '@tanstack/react-query';
import { commentsQueryRoot } from '../comments/api/get-comments';
import { setReactionsInThread, upsertCommentInThread } from '../comments/api/comment-cache';
import { ratingSummaryQueryOptions } from '../ratings/api/get-rating-summary';

export interface ThreadEventApplierOptions {
  /** A comment this page had not seen was posted (not for our own, which is already there). */
  onNewComment?: (comment: Comment) => void;
  /**
   * Live summaries are the public ones (no numbers under 5 raters). A viewer whose REST answer
   * shows more (an admin) refetches instead of taking them.
   */
  refetchSummaries?: boolean;
}

/** How many recent comment events to keep for re-applying after a fetch that overlapped them. */
const RECENT_EVENTS = 200;

function isCommentEvent(event: ThreadEvent): boolean {
  return (
    event.type === 'comment.created' ||
    event.type === 'comment.updated' ||
    event.type === 'comment.removed' ||
    event.type === 'reactions.updated'
  );
}

/**
 * Applies a thread's live (or replayed) events to the TanStack Query cache: comments into every
 * cached sort of the thread (deduplicated by id), reaction counts, and rating summaries.
 *
 * A comments fetch that was under way while events arrived answers with what the server had when
 * it read, which may predate them: when such a fetch succeeds, the events received since it started
 * are applied again (they are idempotent).
 */
export class ThreadEventApplier {
  readonly #queryClient: QueryClient;
  readonly #consultationId: string;
  readonly #code: string;
  readonly #options: ThreadEventApplierOptions;
  readonly #recent: Array<{ at: number; event: ThreadEvent }> = [];
  readonly #fetchStarted = new Map<string, number>();
  readonly #unsubscribe: () => void;

  constructor(queryClient: QueryClient, consultationId: string, code: string, options: ThreadEventApplierOptions = {}) {
    this.#queryClient = queryClient;
    this.#consultationId = consultationId;
    this.#code = code;
    this.#options = options;
    this.#unsubscribe = queryClient.getQueryCache().subscribe((event) => this.#onCacheEvent(event));
    // A fetch that started before this applier (the page's first load) counts as starting now:
    // every event arrives after this point.
    const now = Date.now();
    for (const query of queryClient.getQueryCache().findAll({ queryKey: commentsQueryRoot(consultationId, code) })) {
      if (query.state.fetchStatus === 'fetching') this.#fetchStarted.set(query.queryHash, now);
    }
  }

  readonly apply = (event: ThreadEvent): void => {
    if (isCommentEvent(event)) {
      this.#recent.push({ at: Date.now(), event });
      if (this.#recent.length > RECENT_EVENTS) this.#recent.shift();
    }
    this.#applyOne(event, true);
  };

  dispose(): void {
    this.#unsubscribe();
  }

  #applyOne(event: ThreadEvent, announce: boolean): void {
    const queryClient = this.#queryClient;
    switch (event.type) {
      case 'comment.created':
      case 'comment.updated':
      case 'comment.removed': {
        const comment = event.payload as Comment;
        if (!comment || typeof comment.id !== 'string') return;
        const { isNew } = upsertCommentInThread(queryClient, this.#consultationId, this.#code, comment);
        if (announce && isNew && event.type === 'comment.created' && comment.status === 'published') this.#options.onNewComment?.(comment);
        return;
      }
      case 'reactions.updated': {
        const { commentId, reactions } = event.payload as { commentId?: string; reactions?: { agree: number; disagree: number } };
        if (typeof commentId !== 'string' || !reactions) return;
        setReactionsInThread(queryClient, this.#consultationId, this.#code, commentId, {
          agree: reactions.agree,
          disagree: reactions.disagree,
        });
        return;
      }
      case 'ratings.summary': {
        const { countryIso3, summary } = event.payload as { countryIso3?: string; summary?: RatingSummary };
        if (typeof countryIso3 !== 'string' || !summary) return;
        const { queryKey } = ratingSummaryQueryOptions(this.#consultationId, this.#code, countryIso3);
        if (this.#options.refetchSummaries) void queryClient.invalidateQueries({ queryKey });
        else queryClient.setQueryData(queryKey, summary);
        return;
      }
      default:
        return;
    }
  }

  #onCacheEvent(event: QueryCacheNotifyEvent): void {
    if (event.type !== 'updated' || !this.#isOurComments(event.query.queryKey)) return;
    const { action } = event;
    if (action.type === 'fetch') {
      if (!this.#fetchStarted.has(event.query.queryHash)) this.#fetchStarted.set(event.query.queryHash, Date.now());
      return;
    }
    if (action.type === 'error') {
      this.#fetchStarted.delete(event.query.queryHash);
      return;
    }
    // Our own setQueryData is a "manual" success: nothing was fetched.
    if (action.type !== 'success' || action.manual) return;
    const started = this.#fetchStarted.get(event.query.queryHash);
    this.#fetchStarted.delete(event.query.queryHash);
    if (started === undefined) return;
    const overlapping = this.#recent.filter((entry) => entry.at >= started).map((entry) => entry.event);
    if (overlapping.length === 0) return;
    // Not from inside the cache's notification: apply once it has finished.
    queueMicrotask(() => {
      for (const replayed of overlapping) this.#applyOne(replayed, false);
    });
  }

  #isOurComments(queryKey: readonly unknown[]): boolean {
    const root = commentsQueryRoot(this.#consultationId, this.#code);
    return root.every((part, index) => queryKey[index] === part);
  }
}
