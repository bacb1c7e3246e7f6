import type { Comment } from '@compact-voices/contracts';

/**
 * What a comment that is not simply published says instead of (or above) its text:
 * - deleted by its author: a tombstone;
 * - hidden with a rule: "Removed under rule R3 on 27 November 2026" (the rule links to the house rules);
 * - hidden without a rule (flags or safeguarding, waiting for a moderator): "Hidden pending review";
 * - rejected (only its author sees it): "Not published under rule R4";
 * - pending (only its author sees it): "Awaiting moderation — only you can see this", with the text.
 * Tombstones keep their replies; the text of a tombstone is never shown.
 */
export type ModerationNotice =
  | { kind: 'none' }
  | { kind: 'pending' }
  | { kind: 'deleted' }
  | { kind: 'removed-under-rule'; ruleCode: string; at: string | null }
  | { kind: 'hidden-pending-review' }
  | { kind: 'removed' }
  | { kind: 'rejected-under-rule'; ruleCode: string; at: string | null }
  | { kind: 'rejected' };

export function moderationNotice(comment: Pick<Comment, 'status' | 'moderation'>): ModerationNotice {
  const moderation = comment.moderation ?? null;
  switch (comment.status) {
    case 'published':
      return { kind: 'none' };
    case 'pending':
      return { kind: 'pending' };
    case 'deleted':
      return { kind: 'deleted' };
    case 'hidden':
      if (moderation?.ruleCode) return { kind: 'removed-under-rule', ruleCode: moderation.ruleCode, at: moderation.at };
      // The API marks "hidden pending review" with a moderation object whose rule is still null.
      return moderation ? { kind: 'hidden-pending-review' } : { kind: 'removed' };
    case 'rejected':
      return moderation?.ruleCode
        ? { kind: 'rejected-under-rule', ruleCode: moderation.ruleCode, at: moderation.at }
        : { kind: 'rejected' };
    default:
      return { kind: 'none' };
  }
}

/** A tombstone shows no text, author or reactions — only the notice, and its replies under it. */
export function isTombstone(notice: ModerationNotice): boolean {
  return notice.kind !== 'none' && notice.kind !== 'pending';
}
