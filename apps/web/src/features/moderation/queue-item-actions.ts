import type { FlagReason, ModerationAction, QueueItem } from '@compact-voices/contracts';

/**
 * The decisions that make sense for a queued comment, by its state:
 * - waiting before publication (pre-moderation, a new account, the word filter): approve or reject;
 * - published and flagged: approve (keep it, dismiss the flags) or hide;
 * - hidden pending review (flags or safeguarding, no rule yet): hide under a rule, or restore;
 * - hidden under a rule: restore; rejected: approve after all.
 * A decision that waits for a co-signature leaves nothing else to decide until it is co-signed.
 */
export function availableActions(item: Pick<QueueItem, 'comment' | 'awaitingCosign'>): ModerationAction[] {
  if (item.awaitingCosign) return [];
  const { status, moderation } = item.comment;
  switch (status) {
    case 'pending':
      return ['approve', 'reject'];
    case 'published':
      return ['approve', 'hide'];
    case 'hidden':
      return moderation?.ruleCode ? ['restore'] : ['hide', 'restore'];
    case 'rejected':
      return ['approve'];
    default:
      return [];
  }
}

/** Flag counts by reason, most reported first (ties in the contract's order of reasons). */
export function flagCounts(flags: QueueItem['flags'], order: readonly FlagReason[]): Array<{ reason: FlagReason; count: number }> {
  return order
    .map((reason) => ({ reason, count: flags.byReason[reason] ?? 0 }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** Whether I may co-sign a decision that waits for a second moderator: not one I made myself. */
export function canCosign(item: Pick<QueueItem, 'awaitingCosign'>): boolean {
  return Boolean(item.awaitingCosign && item.awaitingCosign.status === 'awaiting-cosign' && !item.awaitingCosign.decidedByMe);
}
