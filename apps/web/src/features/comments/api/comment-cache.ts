import type { Comment, CommentSort } from '@compact-voices/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { commentsQueryRoot, type CommentPages } from './get-comments';

/**
 * The thread's cached pages, kept current by our own writes and by live events. Everything here
 * is keyed by comment id, so a comment that arrives twice (our POST's answer and its live event, or
 * an event and its replay) is shown once.
 */

export type Reactions = Comment['reactions'];

/**
 * A newer version of a comment. Live events and replays carry the public shape, which knows nothing
 * about the viewer: keep what the cached copy knew about "mine" and my reaction.
 */
export function mergeComment(existing: Comment | undefined, incoming: Comment): Comment {
  if (!existing) return incoming;
  const myReaction = 'mine' in incoming.reactions ? incoming.reactions.mine : existing.reactions.mine;
  return {
    ...incoming,
    ...(incoming.mine === undefined && existing.mine !== undefined ? { mine: existing.mine } : {}),
    reactions: {
      agree: incoming.reactions.agree,
      disagree: incoming.reactions.disagree,
      ...(myReaction === undefined ? {} : { mine: myReaction }),
    },
  };
}

export function findComment(data: CommentPages | undefined, id: string): Comment | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

function replacePageItems(data: CommentPages, pageIndex: number, items: Comment[]): CommentPages {
  return { ...data, pages: data.pages.map((page, index) => (index === pageIndex ? { ...page, items } : page)) };
}

function mapComment(data: CommentPages, id: string, update: (comment: Comment) => Comment): CommentPages {
  for (const [pageIndex, page] of data.pages.entries()) {
    const index = page.items.findIndex((item) => item.id === id);
    if (index < 0) continue;
    const items = [...page.items];
    items[index] = update(items[index]);
    return replacePageItems(data, pageIndex, items);
  }
  return data;
}

export type UpsertOutcome = 'updated' | 'inserted' | 'not-loaded';

/**
 * Put a comment into the pages: replace it where it is, or insert it where the list order puts it —
 * a new top-level comment first when sorted by newest, last when the last page is loaded otherwise
 * (else it comes with a later page); a reply after the last reply of its parent's subtree (replies
 * are in time order). A reply whose parent is not loaded comes with its thread's page.
 */
export function upsertComment(data: CommentPages, incoming: Comment, sort: CommentSort): { data: CommentPages; outcome: UpsertOutcome } {
  if (findComment(data, incoming.id)) {
    return { data: mapComment(data, incoming.id, (existing) => mergeComment(existing, incoming)), outcome: 'updated' };
  }
  const { pages } = data;
  if (pages.length === 0) return { data, outcome: 'not-loaded' };

  if (incoming.parentId === null) {
    if (sort === 'newest') return { data: replacePageItems(data, 0, [incoming, ...pages[0].items]), outcome: 'inserted' };
    const last = pages.length - 1;
    if (pages[last].nextCursor !== null) return { data, outcome: 'not-loaded' };
    return { data: replacePageItems(data, last, [...pages[last].items, incoming]), outcome: 'inserted' };
  }

  for (const [pageIndex, page] of pages.entries()) {
    const parentIndex = page.items.findIndex((item) => item.id === incoming.parentId);
    if (parentIndex < 0) continue;
    const parentDepth = page.items[parentIndex].depth;
    let position = parentIndex + 1;
    while (position < page.items.length && page.items[position].depth > parentDepth) position += 1;
    const items = [...page.items.slice(0, position), incoming, ...page.items.slice(position)];
    return { data: replacePageItems(data, pageIndex, items), outcome: 'inserted' };
  }
  return { data, outcome: 'not-loaded' };
}

/** New counts for a comment; my own reaction only when the answer knows it (not in a live event). */
export function setReactions(data: CommentPages, commentId: string, reactions: Reactions): CommentPages {
  return mapComment(data, commentId, (comment) => mergeComment(comment, { ...comment, reactions }));
}

/** What the author's delete leaves: no text, no author; the replies stay under it. */
export function tombstone(data: CommentPages, commentId: string): CommentPages {
  return mapComment(data, commentId, (comment) => ({ ...comment, status: 'deleted', body: '', bodyHtml: '', author: null, stance: null }));
}

/** The loaded comments in thread order, each id once (a page fetched after a live insert may repeat one). */
export function threadComments(data: CommentPages | undefined): Comment[] {
  const seen = new Set<string>();
  const result: Comment[] = [];
  for (const page of data?.pages ?? []) {
    for (const comment of page.items) {
      if (seen.has(comment.id)) continue;
      seen.add(comment.id);
      result.push(comment);
    }
  }
  return result;
}

/** Apply `update` to every cached sort and language filter of the thread's comments (keys end in sort, language). */
function updateEverySort(
  queryClient: QueryClient,
  consultationId: string,
  code: string,
  update: (data: CommentPages, sort: CommentSort, language: string) => CommentPages,
): void {
  for (const [queryKey, data] of queryClient.getQueriesData<CommentPages>({ queryKey: commentsQueryRoot(consultationId, code) })) {
    if (!data) continue;
    const sort = queryKey[queryKey.length - 2] as CommentSort;
    const language = queryKey[queryKey.length - 1] as string;
    const next = update(data, sort, language);
    if (next !== data) queryClient.setQueryData(queryKey, next);
  }
}

/**
 * Our own new or edited comment, or one from a live event: into every cached sort of the thread.
 * Answers whether it was new to this page (in no cached list before), e.g. to announce it.
 */
export function upsertCommentInThread(
  queryClient: QueryClient,
  consultationId: string,
  code: string,
  comment: Comment,
): { isNew: boolean } {
  let known = false;
  updateEverySort(queryClient, consultationId, code, (data, sort, language) => {
    // A new top-level comment in another language stays out of a list filtered by language.
    if (language && !comment.parentId && (comment.language ?? '').split('-')[0] !== language && !containsComment(data, comment.id))
      return data;
    const { data: next, outcome } = upsertComment(data, comment, sort);
    if (outcome === 'updated') known = true;
    return next;
  });
  return { isNew: !known };
}

export function setReactionsInThread(
  queryClient: QueryClient,
  consultationId: string,
  code: string,
  commentId: string,
  reactions: Reactions,
): void {
  updateEverySort(queryClient, consultationId, code, (data) => setReactions(data, commentId, reactions));
}

export function tombstoneInThread(queryClient: QueryClient, consultationId: string, code: string, commentId: string): void {
  updateEverySort(queryClient, consultationId, code, (data) => tombstone(data, commentId));
}

function containsComment(data: CommentPages, id: string): boolean {
  return data.pages.some((page) => page.items.some((item) => item.id === id));
}
