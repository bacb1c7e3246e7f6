import type { StakeholderTypeCode } from './catalogue.js';
import type { Comment } from './responses/comments.js';
import type { PageResponse } from './lists.js';

export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const MODERATION_MODES = ['pre', 'post'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export interface Consultation {
  id: string;
  title: string;
  /** Markdown source and its sanitised HTML. */
  description: string;
  descriptionHtml: string;
  opensAt: string;
  closesAt: string;
  moderationMode: ModerationMode;
  /** draft → open → closed → archived; an open round past its closing time reads as closed. */
  status: ConsultationStatus;
  /** True while open and within opensAt ≤ now < closesAt: the only time writing is allowed. */
  acceptingContributions: boolean;
  recommendationCodes: string[];
  countryIso3s: string[];
  createdAt: string;
}

/** How much each recommendation of a round has been taken up: counts only, no scores. */
export interface RecommendationCoverage {
  recommendationCode: string;
  /** People who rated it, for any country. */
  raters: number;
  /** Countries with at least one rating. */
  countriesRated: number;
  /** Published comments. */
  comments: number;
}

export const STANCES = ['supports', 'concern', 'information', 'question'] as const;
export type Stance = (typeof STANCES)[number];
export const COMMENT_STATUSES = ['published', 'pending', 'hidden', 'rejected', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_SORTS = ['newest', 'oldest', 'top'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];
export const REACTION_KINDS = ['agree', 'disagree'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const COMMENT_MAX_LENGTH = 5000;
export const COMMENT_MAX_DEPTH = 3;

export type { Comment, CommentAuthor } from './responses/comments.js';

/** An earlier version of a comment: readable by its author and the round's moderators only. */
export interface CommentRevision {
  body: string;
  bodyHtml: string;
  /** When this text was replaced. */
  replacedAt: string;
}

export interface CommentPage extends PageResponse<Comment> {
  /** The thread's latest event seq when this page was read: join live events from here. */
  lastSeq: number;
}

/** The payload of each thread event, by type: the REST shapes. The socket events and the replay carry the same. */
export interface ThreadEventPayloads {
  'comment.created': Comment;
  'comment.updated': Comment;
  'comment.removed': Comment;
  'reactions.updated': { commentId: string; reactions: { agree: number; disagree: number } };
  /** Always the public view: cells under the minimum arrive suppressed, even to admins (who re-read REST). */
  'ratings.summary': { countryIso3: string; summary: RatingSummary };
}

export type ThreadEventType = keyof ThreadEventPayloads;

/** One event of a thread's log, as the replay (`GET …/events`) returns it: `type` tells the payload's shape. */
export type ThreadEvent = { [Type in ThreadEventType]: { seq: number; type: Type; payload: ThreadEventPayloads[Type] } }[ThreadEventType];

export interface ThreadEvents {
  items: ThreadEvent[];
  lastSeq: number;
}

/** 0 Not started · 1 Planned · 2 In progress · 3 Largely implemented · 4 Fully implemented. */
export const RATING_SCALE = [0, 1, 2, 3, 4] as const;

export interface Rating {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
  score: number | null;
  dontKnow: boolean;
  evidence: string | null;
  evidenceUrl: string | null;
  updatedAt: string;
}

export interface CellStatistics {
  n: number;
  median: number | null;
  mean: number | null;
}

/** Counts per score "0"…"4", and "dontKnow" (null when too few people said "don't know" to show it). */
export type RatingDistribution = Record<'0' | '1' | '2' | '3' | '4', number> & { dontKnow: number | null };

/**
 * What the public sees of a cell (or, without a country, of every country of a round pooled): only
 * published figures — at least 5 people behind each, moving in batches of at least 5 (see the
 * privacy model). Admins read every rating as it is now, with `suppressed` saying whether the
 * public sees any figure.
 */
export interface RatingSummary {
  /** People who gave a score (don't-know apart); pooled over countries, their ratings. Null when withheld. */
  n: number | null;
  distribution: RatingDistribution | null;
  median: number | null;
  mean: number | null;
  /** Per stakeholder type with at least 5 people: n and median (the public gets no mean for a type). */
  byStakeholderType: Partial<Record<StakeholderTypeCode, CellStatistics | { suppressed: true }>> | null;
  /**
   * median(the rated country's own verified government bodies) − median(civil society rating that
   * country), with a 95% interval; pooled over countries, the mean of the per-country gaps.
   */
  gap: { value: number; ciLow: number; ciHigh: number } | null;
  /** True when the public sees no figures for this cell. */
  suppressed: boolean;
  official: OfficialAssessment | null;
}

export interface OfficialAssessment {
  countryIso3: string;
  score: number;
  narrative: string;
  /** The government organisation that posted it; `verified` is false if the secretariat has since withdrawn verification. */
  organisation: { id: string; name: string; verified: boolean } | null;
  updatedAt: string;
}
