import type { Notification } from '@compact-voices/contracts';
import { canAppeal, notificationText } from './notification-text';

const decision: Notification = {
  id: 'n-1',
  kind: 'moderation.decision',
  createdAt: '2026-11-27T10:00:00.000Z',
  readAt: null,
  decisionId: 'd-1',
  action: 'hide',
  ruleCode: 'R3',
  ruleTitle: 'Keep people safe',
  reason: 'Names a worker’s employer.',
  appealableUntil: '2026-12-11T10:00:00.000Z',
};

describe('notification text', () => {
  const now = Date.parse('2026-11-28T00:00:00.000Z');

  it('offers an appeal only for a decision whose deadline is still ahead', () => {
    expect(canAppeal(decision, now)).toBe(true);
    expect(canAppeal({ ...decision, appealableUntil: '2026-11-27T23:59:59.000Z' }, now)).toBe(false);
    expect(canAppeal({ ...decision, appealableUntil: null }, now)).toBe(false);
    expect(canAppeal({ ...decision, decisionId: null }, now)).toBe(false);
    expect(canAppeal({ ...decision, kind: 'appeal.outcome' }, now)).toBe(false);
  });

  it('names the action and rule of a decision, the outcome of an appeal', () => {
    expect(notificationText(decision)).toEqual({ key: 'notifications.kinds.decision', action: 'moderationOutcomes.hide' });
    expect(notificationText({ ...decision, ruleCode: null }).key).toBe('notifications.kinds.decisionNoRule');
    expect(notificationText({ ...decision, kind: 'appeal.outcome', outcome: 'overturned' })).toEqual({
      key: 'notifications.kinds.appealOutcome',
      outcome: 'appealOutcomes.overturned',
    });
    expect(notificationText({ ...decision, kind: 'sanction' }).key).toBe('notifications.kinds.sanction');
  });
});
