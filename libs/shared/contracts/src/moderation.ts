/**
 * Due-process moderation: published rules, flags, queues,
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

/** The longest title or text of a house rule, in any language. */
export const HOUSE_RULE_TEXT_MAX_LENGTH = 4000;

export const FLAG_REASONS = ['spam', 'abuse', 'personal-data', 'off-topic', 'misinformation', 'safeguarding'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const FLAG_NOTE_MAX_LENGTH = 1000;

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
  /** Why a co-signature is needed (conflict of interest with this country); null when it may not be said. */
  conflictCountryIso3?: string | null;
  /** True when the decision needed a co-signature because of a conflict of interest (never says whose or where). */
  conflict?: boolean;
  appeal: AppealSummary | null;
  /** The author's appeal deadline, when this decision can still be appealed. */
  appealableUntil: string | null;
}

export const QUEUE_SORTS = ['oldest', 'most-flagged'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Why an item waits in a queue. */
export const HELD_REASONS = ['pre-moderation', 'new-account', 'word-filter', 'flags', 'safeguarding', 'edit'] as const;
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
  /**
   * True when the reader may not decide alone: a government tie to a country the comment is about
   * (its tag, its thread's, the thread starter's country, else the round's), or any tie when the
   * author is protected — then without saying which.
   */
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
  /** True when the reader handles this round's safeguarding concerns; then `safeguardingQueued` counts them. */
  safeguards: boolean;
  safeguardingQueued: number;
  /** True when the reader moderates the round's general queue (false: a safeguarding officer only). */
  moderates: boolean;
}

/** A comment's moderation record as its round's moderators see it (safeguarding items: officers only). */
export interface CommentModerationHistory {
  commentId: string;
  /** Reports (never who made them), resolved or not. */
  flags: Array<{ reason: FlagReason; note: string | null; createdAt: string; resolved: boolean }>;
  decisions: ModerationDecision[];
}

export const APPEAL_TEXT_MAX_LENGTH = 4000;
export const APPEAL_WINDOW_DAYS = 14;
/** Appeals undecided for longer are highlighted. */
export const APPEAL_OVERDUE_DAYS = 7;
export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export interface AppealSummary {
  id: string;
  status: 'pending' | AppealOutcome;
  createdAt: string;
  decidedAt: string | null;
  outcomeReason: string | null;
}

export interface Appeal extends AppealSummary {
  /** The decision appealed (null for an appeal of a sanction). */
  decisionId: string | null;
  /** The sanction appealed (null for an appeal of a decision). */
  sanctionId: string | null;
  text: string;
  /** Undecided for more than APPEAL_OVERDUE_DAYS. */
  overdue: boolean;
  decision: ModerationDecision | null;
  sanction?: Sanction | null;
  /** The comment as moderators see it (moderators and admins), or as its author sees it; null for a sanction without one. */
  comment: Comment | null;
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
  /** When the decision or sanction can still be appealed. */
  appealableUntil?: string | null;
  /** Sanctions (and outcomes of their appeals): the sanction, to read or appeal it. */
  sanctionId?: string | null;
}

export interface NotificationPage extends PageResponse<Notification> {
  unread: number;
}

/** A sanction longer than this waits for a second person's co-signature. */
export const SANCTION_COSIGN_AFTER_DAYS = 7;

export const SANCTION_STATUSES = ['in-force', 'awaiting-cosign', 'lapsed'] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];

export interface Sanction {
  id: string;
  /** The round it applies to; null when global. */
  consultationId: string | null;
  /** `awaiting-cosign`: nothing is enforced yet; `lapsed`: it ended before anyone co-signed. */
  status: SanctionStatus;
  until: string;
  ruleCode: string;
  /** The rule's title in the reader's language. */
  ruleTitle: string;
  reason: string;
  createdAt: string;
  liftedAt: string | null;
  /** The target's appeal deadline while an appeal is possible (the target only). */
  appealableUntil: string | null;
  appeal: AppealSummary | null;
  /** Moderators and admins: the person as their comment reads (admins: the account's name). */
  user?: { displayName: string };
  /** Moderators and admins: the reader proposed or imposed it. */
  createdByMe?: boolean;
  /** Moderators and admins: it waits for a second person's co-signature. */
  needsCosign?: boolean;
  /** Moderators and admins: it waited for a co-signature because of a conflict of interest (never which). */
  conflict?: boolean;
}

export const WORD_FILTER_ACTIONS = ['block', 'hold', 'flag'] as const;
export type WordFilterAction = (typeof WORD_FILTER_ACTIONS)[number];

export interface WordFilterTerm {
  id: string;
  term: string;
  action: WordFilterAction;
  createdAt: string;
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
  /** The audit log's recent daily heads, newest first (always all rounds): copies kept outside show a later rewrite. */
  auditHeads: AuditChainHead[];
}

/**
 * The audit chain's head on a UTC day: the position and keyed hash (HMAC, key outside the database)
 * of the first entry written that day. It reveals nothing about the entries; a rewritten log no
 * longer reproduces it.
 */
export interface AuditChainHead {
  day: string;
  position: number;
  mac: string;
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
