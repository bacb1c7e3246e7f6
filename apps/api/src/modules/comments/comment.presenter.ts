import { seal } from '../disclosure/seal.js';
import type { Comment, CommentStatus, ReactionKind, Stance, StakeholderTypeCode } from '@compact-voices/contracts';
import { isoTimestamp } from '../../core/database/sql.js';
import { commentAuthorLabel, type AuthorLabelSource } from './author-label.js';

/** Columns every comment read selects; `$viewer` is the viewer's id (or null). */
export const commentColumns = (viewerParam: string) => `
  c.id, c.consultation_id AS "consultationId", c.recommendation_code AS "recommendationCode", c.parent_id AS "parentId",
  c.root_id AS "rootId", c.depth, c.body, c.body_html AS "bodyHtml", c.language, c.stance, c.country_iso3 AS "countryIso3",
  c.status, ${isoTimestamp('c.created_at')} AS "createdAt",
  ${isoTimestamp('c.edited_at')} AS "editedAt",
  c.agree_count AS "agreeCount", c.disagree_count AS "disagreeCount", c.author_id AS "authorId",
  c.author_pseudonym AS "authorPseudonym", c.author_anonymised AS "authorAnonymised", c.author_stakeholder_type AS "authorStakeholderType",
  c.author_country_iso3 AS "authorCountryIso3", o.id AS "organisationId", o.name AS "organisationName",
  o.verified_at IS NOT NULL AS "organisationVerified", c.pending_body AS "pendingBody", c.pending_body_html AS "pendingBodyHtml",
  ${isoTimestamp('c.pending_edit_at')} AS "pendingEditAt",
  u.display_name AS "displayName", u.status AS "authorStatus",
  c.moderation_rule AS "moderationRule", ${isoTimestamp('c.moderated_at')} AS "moderatedAt",
  (SELECT r.kind FROM comment_reaction r WHERE r.comment_id = c.id AND r.user_id = ${viewerParam}) AS "myReaction"`;

export const COMMENT_JOINS = `LEFT JOIN app_user u ON u.id = c.author_id LEFT JOIN organisation o ON o.id = c.author_organisation_id`;

export interface CommentRow extends AuthorLabelSource {
  id: string;
  consultationId: string;
  recommendationCode: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  body: string;
  bodyHtml: string;
  language: string | null;
  stance: Stance | null;
  countryIso3: string | null;
  status: CommentStatus;
  createdAt: string;
  editedAt: string | null;
  agreeCount: number;
  disagreeCount: number;
  authorId: string | null;
  authorStakeholderType: StakeholderTypeCode;
  authorCountryIso3: string | null;
  organisationId: string | null;
  organisationName: string | null;
  displayName: string | null;
  authorStatus: string | null;
  myReaction: ReactionKind | null;
  moderationRule: string | null;
  moderatedAt: string | null;
  /** An edit waiting for review (absent where a read does not select it). */
  pendingBody?: string | null;
  pendingBodyHtml?: string | null;
  pendingEditAt?: string | null;
}

function pendingEdit(row: CommentRow): Comment['pendingEdit'] {
  return row.pendingBody != null && row.pendingBodyHtml != null && row.pendingEditAt != null
    ? { body: row.pendingBody, bodyHtml: row.pendingBodyHtml, submittedAt: row.pendingEditAt }
    : null;
}

const TOMBSTONES: CommentStatus[] = ['deleted', 'hidden', 'rejected'];
const MODERATED: CommentStatus[] = ['hidden', 'rejected'];

/**
 * The public shape of a comment. Its author reads as author-label.ts says (the pseudonym it was
 * written under and nothing else, "Former participant", or the name it was published with); a
 * removed comment is a tombstone with no body and no author — a
 * moderated one says under which rule and when. Its author still reads their own hidden or
 * rejected text (to appeal it). The author's account id never leaves the server.
 */
export function presentComment(row: CommentRow, viewerId: string | null): Comment {
  const mine = viewerId !== null && row.authorId === viewerId;
  const tombstone = TOMBSTONES.includes(row.status) && !(mine && MODERATED.includes(row.status));
  return {
    id: row.id,
    consultationId: row.consultationId,
    recommendationCode: row.recommendationCode,
    parentId: row.parentId,
    depth: row.depth,
    body: tombstone ? '' : row.body,
    bodyHtml: tombstone ? '' : row.bodyHtml,
    language: row.language,
    stance: tombstone ? null : row.stance,
    countryIso3: row.countryIso3,
    author: tombstone ? null : commentAuthorLabel(row),
    status: row.status,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    // Reactions are public acts, counted as they are; the disclosure layer seals them (seal.ts).
    reactions: seal({ agree: row.agreeCount, disagree: row.disagreeCount, ...(viewerId ? { mine: row.myReaction } : {}) }),
    ...(viewerId ? { mine } : {}),
    ...(MODERATED.includes(row.status) ? { moderation: { ruleCode: row.moderationRule, at: row.moderatedAt } } : {}),
    ...(mine && !tombstone ? { pendingEdit: pendingEdit(row) } : {}),
  };
}

/**
 * A comment as a moderator sees it in a queue: the text even when hidden, and the author exactly
 * as the public sees them — a protected author stays a pseudonym, to moderators too.
 */
export function presentForModerator(row: CommentRow): Comment {
  const visible = presentComment({ ...row, status: row.status === 'deleted' ? 'deleted' : 'published' }, null);
  return {
    ...visible,
    status: row.status,
    ...(MODERATED.includes(row.status) ? { moderation: { ruleCode: row.moderationRule, at: row.moderatedAt } } : {}),
    pendingEdit: pendingEdit(row),
  };
}
