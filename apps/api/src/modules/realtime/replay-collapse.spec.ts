import type { LoggedThreadEvent } from '../threads/thread-log.service.js';
import { collapseStateEvents } from './replay-collapse.js';

const event = (
  seq: number,
  type: LoggedThreadEvent['type'],
  commentId: string | null = null,
  countryIso3: string | null = null,
): LoggedThreadEvent => ({ seq, type, commentId, countryIso3 });

describe('collapsing a replay', () => {
  it('keeps the last summary per country and the last reaction count per comment, in order, and every comment event', () => {
    const events = [
      event(1, 'comment.created', 'a'),
      event(2, 'ratings.summary', null, 'NPL'),
      event(3, 'reactions.updated', 'a'),
      event(4, 'ratings.summary', null, 'PHL'),
      event(5, 'ratings.summary', null, 'NPL'),
      event(6, 'comment.updated', 'a'),
      event(7, 'reactions.updated', 'a'),
      event(8, 'comment.created', 'b'),
      event(9, 'reactions.updated', 'b'),
    ];
    expect(collapseStateEvents(events).map((e) => e.seq)).toEqual([1, 4, 5, 6, 7, 8, 9]);
  });

  it('turns 500 rating events of one cell into one', () => {
    const events = Array.from({ length: 500 }, (_, i) => event(i + 1, 'ratings.summary', null, 'NPL'));
    expect(collapseStateEvents(events).map((e) => e.seq)).toEqual([500]);
  });
});
