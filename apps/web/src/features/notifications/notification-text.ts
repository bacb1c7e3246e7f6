import type { Notification } from '@compact-voices/contracts';

/**
 * How a notification reads, as translation keys and values (so it follows a change of language):
 * a decision names its action and rule, an appeal its outcome, a suspension its end. The reason is
 * the moderator's own words and shown as written.
 */
export interface NotificationText {
  key:
    | 'notifications.kinds.decision'
    | 'notifications.kinds.decisionNoRule'
    | 'notifications.kinds.appealOutcome'
    | 'notifications.kinds.sanction'
    | 'notifications.kinds.held'
    | 'notifications.kinds.other';
  /** Translation keys of values that are themselves translated (the action, the outcome). */
  action?: string;
  outcome?: string;
}

export function notificationText(notification: Notification): NotificationText {
  switch (notification.kind) {
    case 'moderation.decision':
      return {
        key: notification.ruleCode ? 'notifications.kinds.decision' : 'notifications.kinds.decisionNoRule',
        action: `moderationOutcomes.${notification.action ?? 'hide'}`,
      };
    case 'appeal.outcome':
      return { key: 'notifications.kinds.appealOutcome', outcome: `appealOutcomes.${notification.outcome ?? 'upheld'}` };
    case 'sanction':
      return { key: 'notifications.kinds.sanction' };
    case 'comment.held':
      return { key: 'notifications.kinds.held' };
    default:
      return { key: 'notifications.kinds.other' };
  }
}

/** A decision I may still appeal: a decision notification whose deadline is still ahead. */
export function canAppeal(notification: Notification, now: number = Date.now()): boolean {
  if (notification.kind !== 'moderation.decision' || !notification.decisionId || !notification.appealableUntil) return false;
  const deadline = Date.parse(notification.appealableUntil);
  return !Number.isNaN(deadline) && deadline > now;
}
