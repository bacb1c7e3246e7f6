import { planTransition } from './moderation-rules.js';
import { matchTerms, normaliseTerm, termPattern } from './word-filter.service.js';
import { notificationSummary } from '../notifications/notification-text.js';

describe('planTransition', () => {
  it.each([
    // status, pending review, queued, action → to, live event, notify
    ['pending', false, true, 'approve', { to: 'published', event: 'comment.created', notify: true }],
    ['hidden', true, true, 'approve', { to: 'published', event: 'comment.updated', notify: true }],
    ['published', false, true, 'approve', { to: 'published', event: null, notify: false }],
    ['published', false, false, 'hide', { to: 'hidden', event: 'comment.removed', notify: true }],
    ['hidden', true, true, 'hide', { to: 'hidden', event: 'comment.updated', notify: true }],
    ['pending', false, true, 'reject', { to: 'rejected', event: null, notify: true }],
    ['hidden', false, false, 'restore', { to: 'published', event: 'comment.updated', notify: true }],
    ['rejected', false, false, 'restore', { to: 'published', event: 'comment.created', notify: true }],
  ] as const)('%s (review %s, queued %s) + %s', (status, pendingReview, queued, action, expected) => {
    expect(planTransition(status, pendingReview, queued, action)).toEqual(expected);
  });

  it.each([
    ['published', false, false, 'approve'],
    ['hidden', false, false, 'approve'],
    ['hidden', false, false, 'hide'],
    ['pending', false, true, 'hide'],
    ['published', false, false, 'reject'],
    ['published', false, false, 'restore'],
    ['pending', false, true, 'restore'],
    ['deleted', false, false, 'restore'],
    ['deleted', false, false, 'hide'],
  ] as const)('refuses %s (review %s, queued %s) + %s', (status, pendingReview, queued, action) => {
    expect(planTransition(status, pendingReview, queued, action)).toBeUndefined();
  });
});

describe('word filter matching', () => {
  const terms = (list: Array<[string, 'block' | 'hold' | 'flag']>) =>
    list.map(([term, action]) => ({ term, action, pattern: termPattern(term) }));

  it('folds case and compatibility forms', () => {
    expect(normaliseTerm('  ＳＣＵＭＢＡＧ ')).toBe('scumbag');
    expect(normaliseTerm('ﬁnance')).toBe('finance');
  });

  it('matches whole words and phrases only, in any script', () => {
    const list = terms([
      ['ass', 'flag'],
      ['buy followers', 'hold'],
      ['गद्दार', 'block'],
    ]);
    expect(matchTerms('An assessment of class sizes', list)).toBeUndefined();
    expect(matchTerms('what an ASS.', list)).toEqual({ term: 'ass', action: 'flag' });
    expect(matchTerms('Buy\nfollowers now', list)).toEqual({ term: 'buy followers', action: 'hold' });
    expect(matchTerms('वह गद्दार है', list)).toEqual({ term: 'गद्दार', action: 'block' });
  });

  it('reports the most severe term found', () => {
    const list = terms([
      ['spam', 'flag'],
      ['scam', 'hold'],
      ['slur', 'block'],
    ]);
    expect(matchTerms('spam and scam', list)?.action).toBe('hold');
    expect(matchTerms('spam, scam and a slur', list)?.action).toBe('block');
  });
});

describe('notification summaries', () => {
  const base = { id: 'n', createdAt: '2026-11-26T10:00:00.000Z', readAt: null };

  it('says what was decided, under which rule and why, in the reader’s language', () => {
    const hidden = {
      ...base,
      kind: 'moderation.decision' as const,
      action: 'hide' as const,
      ruleCode: 'R1',
      ruleTitle: 'Respect people',
      reason: 'Insults',
    };
    expect(notificationSummary(hidden, 'en')).toBe(
      'Your comment was hidden by a moderator. Rule R1 (Respect people). Reason given: Insults',
    );
    expect(notificationSummary(hidden, 'id')).toContain('disembunyikan');
    expect(notificationSummary(hidden, 'ur')).toContain('R1 (Respect people)');
  });

  it('words appeal outcomes and suspensions', () => {
    expect(
      notificationSummary({ ...base, kind: 'appeal.outcome', outcome: 'overturned', ruleCode: 'R5', reason: 'Sourced' }, 'en'),
    ).toMatch(/^Your appeal succeeded/);
    expect(notificationSummary({ ...base, kind: 'appeal.outcome', outcome: 'upheld', reason: 'Still unsourced' }, 'en')).toMatch(
      /decision stands/,
    );
    expect(
      notificationSummary({ ...base, kind: 'sanction', until: '2026-12-03T00:00:00.000Z', ruleCode: 'R6', reason: 'Spam' }, 'en'),
    ).toBe('Your account is suspended until 2026-12-03. Rule R6. Reason given: Spam');
  });
});
