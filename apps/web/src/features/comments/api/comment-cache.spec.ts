import type { CommentPage } from '@compact-voices/contracts';
import { QueryClient } from '@tanstack/react-query';
import { comment } from '../../../test/consultation-fixtures';
import { commentsQueryOptions, type CommentPages } from './get-comments';
import { mergeComment, setReactions, threadComments, upsertComment, upsertCommentInThread } from './comment-cache';

function pages(...items: CommentPage[]): CommentPages {
  return { pages: items, pageParams: items.map((_, index) => (index === 0 ? null : `cursor-${index}`)) };
}

const ids = (data: CommentPages) => threadComments(data).map((item) => item.id);

describe('comment cache', () => {
  const root = comment({ id: 'root-1' });
  const reply = comment({ id: 'reply-1', parentId: 'root-1', depth: 1 });
  const nested = comment({ id: 'reply-1-1', parentId: 'reply-1', depth: 2 });
  const other = comment({ id: 'root-2' });

  it('replaces a comment it already has instead of adding it twice', () => {
    const data = pages({ items: [root, reply], nextCursor: null, lastSeq: 0 });
    const edited = { ...reply, body: 'Edited', bodyHtml: '<p>Edited</p>', editedAt: '2026-02-02T00:00:00.000Z' };
    const { data: next, outcome } = upsertComment(data, edited, 'newest');
    expect(outcome).toBe('updated');
    expect(ids(next)).toEqual(['root-1', 'reply-1']);
    expect(threadComments(next)[1].body).toBe('Edited');
  });

  it('puts a new top-level comment first when sorted by newest, last on the last page otherwise', () => {
    const data = pages({ items: [root], nextCursor: null, lastSeq: 0 });
    expect(ids(upsertComment(data, other, 'newest').data)).toEqual(['root-2', 'root-1']);
    expect(ids(upsertComment(data, other, 'oldest').data)).toEqual(['root-1', 'root-2']);
    // More pages to come: it will arrive with them.
    const partial = pages({ items: [root], nextCursor: 'more', lastSeq: 0 });
    expect(upsertComment(partial, other, 'oldest').outcome).toBe('not-loaded');
  });

  it('inserts a reply after the last reply in its parent’s subtree (thread order)', () => {
    const data = pages({ items: [root, reply, nested, other], nextCursor: null, lastSeq: 0 });
    const second = comment({ id: 'reply-2', parentId: 'root-1', depth: 1 });
    expect(ids(upsertComment(data, second, 'newest').data)).toEqual(['root-1', 'reply-1', 'reply-1-1', 'reply-2', 'root-2']);
    const deeper = comment({ id: 'reply-1-2', parentId: 'reply-1', depth: 2 });
    expect(ids(upsertComment(data, deeper, 'newest').data)).toEqual(['root-1', 'reply-1', 'reply-1-1', 'reply-1-2', 'root-2']);
    const orphan = comment({ id: 'x', parentId: 'not-loaded', depth: 1 });
    expect(upsertComment(data, orphan, 'newest').outcome).toBe('not-loaded');
  });

  it('keeps what only the viewer’s own copy knows (mine, my reaction) when a public copy arrives', () => {
    const mineCopy = { ...root, mine: true, reactions: { agree: 1, disagree: 0, mine: 'agree' as const } };
    const publicCopy = { ...root, body: 'Changed', reactions: { agree: 2, disagree: 0 } };
    expect(mergeComment(mineCopy, publicCopy)).toMatchObject({
      body: 'Changed',
      mine: true,
      reactions: { agree: 2, disagree: 0, mine: 'agree' },
    });
    const data = pages({ items: [mineCopy], nextCursor: null, lastSeq: 0 });
    expect(threadComments(setReactions(data, root.id, { agree: 5, disagree: 1 }))[0].reactions).toEqual({
      agree: 5,
      disagree: 1,
      mine: 'agree',
    });
    expect(threadComments(setReactions(data, root.id, { agree: 0, disagree: 0, mine: null }))[0].reactions).toEqual({
      agree: 0,
      disagree: 0,
      mine: null,
    });
  });

  it('shows each id once even when a later page repeats one inserted live', () => {
    const data = pages(
      { items: [other, root], nextCursor: 'more', lastSeq: 0 },
      { items: [root, comment({ id: 'root-3' })], nextCursor: null, lastSeq: 0 },
    );
    expect(ids(data)).toEqual(['root-2', 'root-1', 'root-3']);
  });

  it('updates every cached sort of the thread and says whether the comment was new', () => {
    const queryClient = new QueryClient();
    const newest = commentsQueryOptions(root.consultationId, 'PC-1', 'newest').queryKey;
    const top = commentsQueryOptions(root.consultationId, 'PC-1', 'top').queryKey;
    queryClient.setQueryData(newest, pages({ items: [root], nextCursor: null, lastSeq: 0 }));
    queryClient.setQueryData(top, pages({ items: [root], nextCursor: null, lastSeq: 0 }));

    expect(upsertCommentInThread(queryClient, root.consultationId, 'PC-1', other)).toEqual({ isNew: true });
    expect(upsertCommentInThread(queryClient, root.consultationId, 'PC-1', other)).toEqual({ isNew: false });
    expect(ids(queryClient.getQueryData<CommentPages>(newest)!)).toEqual(['root-2', 'root-1']);
    expect(ids(queryClient.getQueryData<CommentPages>(top)!)).toEqual(['root-1', 'root-2']);
  });
});
