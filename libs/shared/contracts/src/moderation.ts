/**
 * Due-process moderation (api-contract.md § Moderation): published rules, flags, queues,
 * decisions with a rule and a reason, appeals decided by someone else, notifications, sanctions,
 * the word filter and the public transparency counts.
 */
import type { Comment } from './consultations.js';
import type { PageResponse } from './lists.js';

export interface HouseRule {
  code: string;
  version: number;
  title: string;
  text: string;
  /** The language title and text are in (English where a translation is missing). */
  language: string;
  publishedAt: string;
}

export const FLAG_REASONS = ['spam', 'abuse', 'personal-data', 'off-topic', 'misinformation', 'safeguarding'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const FLAG_NOTE_MAX_LENGTH = 1000;

export interface FlagRequest {
  reason: FlagReason;
  note?: string;
}

/** What the flagger gets back: never who else flagged, never the count. */
export interface FlagReceipt {
  commentId: string;
  reason: FlagReason;
  createdAt: string;
}

export const MODERATION_ACTIONS = ['approve', 'hide', 'restore', 'reject'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export const DECISION_STATUSES = ['applied', 'awaiting-cosign', 'lapsed'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_REASON_MAX_LENGTH = 2000;

export interface DecisionRequest {
  commentId: string;
  action: ModerationAction;
  ruleCode: string;
  reason: string;
  /** The comment `version` the moderator saw; a newer one answers 409 DECISION_CONFLICT. */
  expectedVersion?: number;
}

/**
 * A moderation decision. Immutable once applied. Who decided is shown to moderators and admins
 * only; the author sees the rule, the reason and the date.
 */
export interface ModerationDecision {
  id: string;
  commentId: string;
  consultationId: string;
  recommendationCode: string;
  action: ModerationAction;
  ruleCode: string;
  ruleVersion: number;
  /** The rule's title in the reader's language. */
  ruleTitle: string;
  reason: string;
  status: DecisionStatus;
  decidedAt: string;
  appliedAt: string | null;
  /** Set when the decision overturned another on appeal. */
  appealId: string | null;
  /** Moderators and admins only. */
  decidedBy?: { displayName: string };
  cosignedBy?: { displayName: string } | null;
  /** True when the reader made the decision. */
  decidedByMe?: boolean;
  /** Why a co-signature is needed (conflict of interest with this country). */
  conflictCountryIso3?: string | null;
  appeal: AppealSummary | null;
  /** The author's appeal deadline, when this decision can still be appealed. */
  appealableUntil: string | null;
}

export const QUEUE_SORTS = ['oldest', 'most-flagged'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Why an item waits in a queue. */
export const HELD_REASONS = ['pre-moderation', 'new-account', 'word-filter', 'flags', 'safeguarding'] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

export interface QueueItem {
  /** The comment as moderators see it: body kept even when hidden; a protected author only as pseudonym. */
  comment: Comment;
  /** Optimistic lock: send back as expectedVersion. */
  version: number;
  heldReason: HeldReason | null;
  /** Flag counts by reason and the flaggers' notes; never who flagged. */
  flags: { total: number; byReason: Partial<Record<FlagReason, number>>; notes: string[] };
  /** The comment replied to, for context (null for a top-level comment). */
  parent: Comment | null;
  /** When the item entered the queue. */
  queuedAt: string;
  /** A decision waiting for a second moderator's co-signature. */
  awaitingCosign: ModerationDecision | null;
  /** True when the reader may not decide alone (government tie to the comment's country). */
  conflictOfInterest: boolean;
}

export interface ModerationQueue extends PageResponse<QueueItem> {
  consultationId: string | null;
}

/** A round the reader moderates, with its open workload. */
export interface ModeratedRound {
  consultationId: string;
  title: string;
  status: string;
  queued: number;
  awaitingCosign: number;
  pendingAppeals: number;
}

export const APPEAL_TEXT_MAX_LENGTH = 4000;
export const APPEAL_WINDOW_DAYS = 14;
/** Appeals undecided for longer are highlighted. */
export const APPEAL_OVERDUE_DAYS = 7;
export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export interface AppealRequest {
  decisionId: string;
  text: string;
}

export interface AppealDecisionRequest {
  outcome: AppealOutcome;
  reason: string;
}

export interface AppealSummary {
  id: string;
  status: 'pending' | AppealOutcome;
  createdAt: string;
  decidedAt: string | null;
  outcomeReason: string | null;
}

export interface Appeal extends AppealSummary {
  decisionId: string;
  text: string;
  /** Undecided for more than APPEAL_OVERDUE_DAYS. */
  overdue: boolean;
  decision: ModerationDecision;
  /** The comment as moderators see it (moderators and admins), or as its author sees it. */
  comment: Comment;
  /** True when the reader made the original decision (and so may not decide the appeal). */
  readerIsOriginalDecider?: boolean;
}

export const NOTIFICATION_KINDS = ['moderation.decision', 'appeal.outcome', 'sanction', 'comment.held'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  decisionId?: string | null;
  appealId?: string | null;
  commentId?: string | null;
  consultationId?: string | null;
  recommendationCode?: string | null;
  action?: ModerationAction | null;
  outcome?: AppealOutcome | null;
  ruleCode?: string | null;
  ruleTitle?: string | null;
  reason?: string | null;
  /** Sanctions: suspended until. */
  until?: string | null;
  /** When the decision can still be appealed. */
  appealableUntil?: string | null;
}

export interface NotificationPage extends PageResponse<Notification> {
  unread: number;
}

export interface SanctionRequest {
  /** Suspend the author of this comment (moderators of its round, admins) … */
  commentId?: string;
  /** … or this account (admins only). */
  userId?: string;
  until: string;
  ruleCode: string;
  reason: string;
}

export interface Sanction {
  id: string;
  until: string;
  ruleCode: string;
  reason: string;
  createdAt: string;
  liftedAt: string | null;
  /** Admins only: the account (the display name, or the pseudonym of a protected account). */
  user?: { displayName: string };
}

export const WORD_FILTER_ACTIONS = ['block', 'hold', 'flag'] as const;
export type WordFilterAction = (typeof WORD_FILTER_ACTIONS)[number];

export interface WordFilterTerm {
  id: string;
  term: string;
  action: WordFilterAction;
  createdAt: string;
}

export interface CreateWordFilterTermRequest {
  term: string;
  action: WordFilterAction;
}

/** Public: counts only, never a person, a comment or a reason text. */
export interface Transparency {
  generatedAt: string;
  /** Applied decisions per calendar month (UTC), rule and action. */
  decisions: Array<{ month: string; ruleCode: string; action: ModerationAction; count: number }>;
  appeals: { pending: number; upheld: number; overturned: number };
  /** Median hours from an item entering a queue to its decision; null when there is none. */
  medianHoursToDecision: number | null;
  flags: Array<{ reason: FlagReason; count: number }>;
  sanctions: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /** The acting account's display name (null for the system). */
  actor: string | null;
  details: Record<string, unknown>;
}
