import { FLAG_REASONS } from '@compact-voices/contracts';
import { decision, queueItem } from '../../test/moderation-fixtures';
import { availableActions, canCosign, flagCounts } from './queue-item-actions';

describe('queue item actions', () => {
  it('offers the decisions that fit the comment’s state', () => {
    expect(availableActions(queueItem({}, { status: 'pending' }))).toEqual(['approve', 'reject']);
    expect(availableActions(queueItem({}, { status: 'published' }))).toEqual(['approve', 'hide']);
    expect(availableActions(queueItem({}, { status: 'hidden', moderation: { ruleCode: null, at: null } }))).toEqual(['hide', 'restore']);
    expect(availableActions(queueItem({}, { status: 'hidden', moderation: { ruleCode: 'R2', at: '2026-11-27T10:00:00.000Z' } }))).toEqual([
      'restore',
    ]);
    expect(availableActions(queueItem({}, { status: 'rejected' }))).toEqual(['approve']);
    expect(availableActions(queueItem({}, { status: 'deleted' }))).toEqual([]);
  });

  it('offers nothing but the co-signature while a decision waits for one, and never to its own decider', () => {
    const waiting = queueItem({ awaitingCosign: decision({ status: 'awaiting-cosign', decidedByMe: false, conflictCountryIso3: 'NPL' }) });
    expect(availableActions(waiting)).toEqual([]);
    expect(canCosign(waiting)).toBe(true);
    expect(canCosign(queueItem({ awaitingCosign: decision({ status: 'awaiting-cosign', decidedByMe: true }) }))).toBe(false);
    expect(canCosign(queueItem())).toBe(false);
  });

  it('lists flag counts by reason, most reported first, leaving out reasons nobody chose', () => {
    expect(flagCounts({ total: 4, byReason: { spam: 1, 'personal-data': 3 }, notes: [] }, FLAG_REASONS)).toEqual([
      { reason: 'personal-data', count: 3 },
      { reason: 'spam', count: 1 },
    ]);
  });
});
