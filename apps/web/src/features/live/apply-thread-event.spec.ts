import type { Comment, CommentPage, ThreadEvent } from '@compact-voices/contracts';
import { QueryClient } from '@tanstack/react-query';
import { ROUND_ID, comment, nepalSummary } from '../../test/consultation-fixtures';
import { commentsQueryOptions, type CommentPages } from '../comments/api/get-comments';
import { threadComments } from '../comments/api/comment-cache';
import { ratingSummaryQueryOptions } from '../ratings/api/get-rating-summary';
import { ThreadEventApplier } from './apply-thread-event';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function created(seq: number, item: Comment): ThreadEvent {
  return { seq, type: 'comment.created', payload: item };
}

describe('ThreadEventApplier', () => {
  it('writes comments, reactions and summaries into the cache and reports only comments new to the page', () => {
    const queryClient = new QueryClient();
    const key = commentsQueryOptions(ROUND_ID, 'PC-1', 'newest').queryKey;
    const existing = comment({ id: 'a', mine: true, reactions: { agree: 0, disagree: 0, mine: null } });
    queryClient.setQueryData<CommentPages>(key, { pages: [{ items: [existing], nextCursor: null, lastSeq: 0 }], pageParams: [null] });
    const announced: string[] = [];
    const applier = new ThreadEventApplier(queryClient, ROUND_ID, 'PC-1', { onNewComment: (item) => announced.push(item.id) });

    const fresh = comment({ id: 'b' });
    applier.apply(created(1, fresh));
    applier.apply(created(1, fresh));
    applier.apply(created(2, { ...existing, body: 'changed' }));
    applier.apply({ seq: 3, type: 'reactions.updated', payload: { commentId: 'a', reactions: { agree: 4, disagree: 1 } } });
    applier.apply({ seq: 4, type: 'ratings.summary', payload: { countryIso3: 'NPL', summary: nepalSummary } });

    const items = threadComments(queryClient.getQueryData<CommentPages>(key));
    expect(items.map((item) => item.id)).toEqual(['b', 'a']);
    expect(items[1]).toMatchObject({ body: 'changed', mine: true, reactions: { agree: 4, disagree: 1, mine: null } });
    expect(announced).toEqual(['b']);
    expect(queryClient.getQueryData(ratingSummaryQueryOptions(ROUND_ID, 'PC-1', 'NPL').queryKey)).toEqual(nepalSummary);
    applier.dispose();
  });

  it('applies again the events that arrived while the comments were being fetched', async () => {
    const queryClient = new QueryClient();
    let answer!: (page: CommentPage) => void;
    const options = {
      ...commentsQueryOptions(ROUND_ID, 'PC-1', 'newest'),
      queryFn: () => new Promise<CommentPage>((resolve) => (answer = resolve)),
    };
    const loading = queryClient.fetchInfiniteQuery(options);
    const applier = new ThreadEventApplier(queryClient, ROUND_ID, 'PC-1');

    // Arrives while the first page is on its way; the page was read before it was posted.
    const live = comment({ id: 'live' });
    applier.apply(created(1, live));
    answer({ items: [comment({ id: 'old' })], nextCursor: null, lastSeq: 0 });
    await loading;
    await flush();
    expect(threadComments(queryClient.getQueryData<CommentPages>(options.queryKey)).map((item) => item.id)).toEqual(['live', 'old']);
    applier.dispose();
  });
});
