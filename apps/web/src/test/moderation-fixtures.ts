import type { Appeal, Comment, ModerationDecision, Notification, QueueItem } from '@compact-voices/contracts';
import { ROUND_ID, comment } from './consultation-fixtures';

export const DECISION_ID = 'd0000000-0000-4000-8000-000000000001';
export const APPEAL_ID = 'a0000000-0000-4000-8000-000000000001';

export function decision(overrides: Partial<ModerationDecision> = {}): ModerationDecision {
  return {
    id: DECISION_ID,
    commentId: 'c-1',
    consultationId: ROUND_ID,
    recommendationCode: 'PC-1',
    action: 'hide',
    ruleCode: 'R2',
    ruleVersion: 1,
    ruleTitle: 'Protect personal information',
    reason: 'It names a worker’s employer and town.',
    status: 'applied',
    decidedAt: '2026-11-27T10:00:00.000Z',
    appliedAt: '2026-11-27T10:00:00.000Z',
    appealId: null,
    appeal: null,
    appealableUntil: '2099-12-11T10:00:00.000Z',
    ...overrides,
  };
}

export function decisionNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'n-1',
    kind: 'moderation.decision',
    createdAt: '2026-11-27T10:00:00.000Z',
    readAt: null,
    decisionId: DECISION_ID,
    commentId: 'c-1',
    consultationId: ROUND_ID,
    recommendationCode: 'PC-1',
    action: 'hide',
    ruleCode: 'R2',
    ruleTitle: 'Protect personal information',
    reason: 'It names a worker’s employer and town.',
    appealableUntil: '2099-12-11T10:00:00.000Z',
    ...overrides,
  };
}

export function appeal(overrides: Partial<Appeal> = {}): Appeal {
  const base = decision();
  return {
    id: APPEAL_ID,
    status: 'pending',
    createdAt: '2026-11-28T09:00:00.000Z',
    decidedAt: null,
    outcomeReason: null,
    decisionId: base.id,
    sanctionId: null,
    text: 'The employer is public knowledge; I named no person.',
    overdue: false,
    decision: base,
    comment: comment({
      id: 'c-1',
      status: 'hidden',
      body: 'Agency X in Pokhara charges fees.',
      bodyHtml: '<p>Agency X in Pokhara charges fees.</p>',
    }),
    ...overrides,
  };
}

export function queueItem(overrides: Partial<QueueItem> = {}, commentOverrides: Partial<Comment> = {}): QueueItem {
  return {
    comment: comment({
      id: 'q-1',
      body: 'Call me on +977 555 0101.',
      bodyHtml: '<p>Call me on +977 555 0101.</p>',
      author: { displayName: 'Quiet Heron 42' },
      ...commentOverrides,
    }),
    version: 3,
    heldReason: 'flags',
    flags: { total: 3, byReason: { 'personal-data': 2, spam: 1 }, notes: ['Phone number of a worker'] },
    parent: null,
    queuedAt: '2026-11-27T08:00:00.000Z',
    awaitingCosign: null,
    conflictOfInterest: false,
    ...overrides,
  };
}
