import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APPEAL_WINDOW_DAYS,
  ErrorCode,
  type CommentModerationHistory,
  type CommentStatus,
  type FlagReason,
  type HeldReason,
  type LocaleCode,
  type ModerationAction,
  type ModeratedRound,
  type QueueSort,
} from '@compact-voices/contracts';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import type { KeysetCursor } from '../../core/http/keyset-cursor.js';
import { actingLabelSql } from '../accounts/acting-identity.service.js';
import { COMMENT_JOINS, commentColumns, type CommentRow } from '../comments/comment.presenter.js';
import type { DecisionRow } from './moderation-decision.presenter.js';
import { SAFEGUARDING_SQL, safeguardsRoundSql } from './moderation-access.repository.js';
import type { DecisionTarget } from './moderation-rules.js';

const TARGET_SELECT = `
  SELECT c.id, c.consultation_id AS "consultationId", c.recommendation_code AS "recommendationCode", c.country_iso3 AS "countryIso3",
         c.status, c.version, c.review_queue AS "reviewQueue", c.held_reason AS "heldReason", c.moderation_rule AS "moderationRule",
         c.author_id AS "authorId", ${isoTimestamp('COALESCE(c.queued_at, c.created_at)')} AS "queuedAt", ${SAFEGUARDING_SQL} AS safeguarding,
         c.pending_body IS NOT NULL AS "pendingEdit"
  FROM comment c`;

/**
 * The decider's name as it was when they acted (their pseudonym if protected then), kept with the
 * decision: a later switch of privacy mode never relabels decisions already taken.
 */
const DECIDER_LABEL = (param: string) => `(SELECT ${actingLabelSql('a')} FROM app_user a WHERE a.id = ${param}::uuid)`;

/** Decisions as `DecisionRow`s; with `safeguarding`, also whether the comment is a safeguarding item. */
function decisionSelect(localeParam: string, options: { safeguarding?: boolean } = {}): string {
  const appealDeadline = `d.applied_at + make_interval(days => ${APPEAL_WINDOW_DAYS})`;
  const safeguarding = options.safeguarding ? `, ${SAFEGUARDING_SQL} AS safeguarding` : '';
  return `
  SELECT d.id, d.comment_id AS "commentId", d.consultation_id AS "consultationId", c.recommendation_code AS "recommendationCode",
         d.action, d.rule_code AS "ruleCode", d.rule_version AS "ruleVersion",
         COALESCE(r.title ->> ${localeParam}, r.title ->> 'en') AS "ruleTitle", d.reason, d.status,
         ${isoTimestamp('d.decided_at')} AS "decidedAt", ${isoTimestamp('d.applied_at')} AS "appliedAt", d.appeal_id AS "appealId",
         d.decided_by AS "decidedById", d.cosigned_by AS "cosignedById",
         CASE WHEN du.status = 'active' THEN d.decided_by_label END AS "deciderName",
         CASE WHEN cu.status = 'active' THEN d.cosigned_by_label END AS "cosignerName",
         d.conflict_country_iso3 AS "conflictCountryIso3", c.author_id AS "authorId",
         a.id AS "appealRowId", CASE WHEN a.id IS NULL THEN NULL WHEN a.outcome IS NULL THEN 'pending' ELSE a.outcome END AS "appealStatus",
         ${isoTimestamp('a.created_at')} AS "appealCreatedAt", ${isoTimestamp('a.decided_at')} AS "appealDecidedAt", a.outcome_reason AS "appealOutcomeReason",
         (cardinality(d.conflict_ties) > 0 OR d.conflict_country_iso3 IS NOT NULL) AS conflicted,
         CASE WHEN d.status = 'applied' AND d.action IN ('hide', 'reject') AND NOT (d.action = 'reject' AND d.from_status = 'published') AND a.id IS NULL AND ${appealDeadline} > now()
                   AND NOT EXISTS (SELECT 1 FROM moderation_decision later WHERE later.comment_id = d.comment_id AND later.status = 'applied' AND later.applied_at > d.applied_at)
              THEN ${isoTimestamp(`(${appealDeadline})`)} END AS "appealableUntil"${safeguarding}
  FROM moderation_decision d
  JOIN comment c ON c.id = d.comment_id
  JOIN house_rule r ON r.code = d.rule_code AND r.version = d.rule_version
  LEFT JOIN app_user du ON du.id = d.decided_by
  LEFT JOIN app_user cu ON cu.id = d.cosigned_by
  LEFT JOIN appeal a ON a.decision_id = d.id`;
}

/** A comment of a queue page, with what the queue shows and sorts by. */
export type QueueRow = CommentRow & {
  version: number;
  heldReason: HeldReason | null;
  queuedAt: string;
  sortTime: string;
  rank: number;
  scopeCountries: string[];
  scopeUndisclosed: boolean;
};

export interface QueuePageQuery {
  reader: AuthUser;
  safeguarding: boolean;
  consultationId: string | null;
  sort: QueueSort;
  cursor: KeysetCursor | undefined;
  /** Rows wanted; one more is read to tell whether a next page exists. */
  limit: number;
}

/** A decision awaiting its co-signature, as cosign reads it. */
export interface CosignCandidate {
  id: string;
  commentId: string;
  action: ModerationAction;
  ruleCode: string;
  ruleVersion: number;
  reason: string;
  status: string;
  decidedBy: string | null;
  conflictCountryIso3: string | null;
  conflictTies: string[];
  commentVersion: number;
}

/** A decision as inserted into `moderation_decision`. */
export interface DecisionInsert {
  target: DecisionTarget;
  action: ModerationAction;
  rule: { code: string; version: number };
  reason: string;
  deciderId: string;
}

/** The SQL of moderation decisions and queues; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class ModerationDecisionsRepository extends SqlRepository {
  /** The comment a decision acts on (a deleted one is not found); `lock` holds its row until the transaction ends. */
  async loadTarget(commentId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<DecisionTarget> {
    const [target]: DecisionTarget[] = await manager.query(`${TARGET_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [commentId]);
    if (!target || target.status === 'deleted')
      throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
    return target;
  }

  // ---- Reads of decisions ----

  async findDecision(id: string, locale: LocaleCode): Promise<(DecisionRow & { safeguarding: boolean }) | undefined> {
    const [row]: Array<DecisionRow & { safeguarding: boolean }> = await this.dataSource.query(
      `${decisionSelect('$2', { safeguarding: true })} WHERE d.id = $1`,
      [id, locale],
    );
    return row;
  }

  /** A round's decisions but for safeguarding items, newest first (at most 200). */
  decisionsOfRound(consultationId: string, locale: LocaleCode): Promise<DecisionRow[]> {
    return this.dataSource.query(
      `${decisionSelect('$2')} WHERE d.consultation_id = $1 AND NOT ${SAFEGUARDING_SQL}
       ORDER BY d.decided_at DESC, d.id DESC LIMIT 200`,
      [consultationId, locale],
    );
  }

  decisionsOfComment(commentId: string, locale: LocaleCode): Promise<DecisionRow[]> {
    return this.dataSource.query(`${decisionSelect('$2')} WHERE d.comment_id = $1 ORDER BY d.decided_at, d.id`, [commentId, locale]);
  }

  awaitingCosign(commentIds: string[], locale: LocaleCode): Promise<DecisionRow[]> {
    return this.dataSource.query(`${decisionSelect('$2')} WHERE d.comment_id = ANY($1::uuid[]) AND d.status = 'awaiting-cosign'`, [
      commentIds,
      locale,
    ]);
  }

  /** A comment's reports, resolved or not (never who made them). */
  flagHistory(commentId: string): Promise<CommentModerationHistory['flags']> {
    return this.dataSource.query(
      `SELECT reason, note, ${isoTimestamp('created_at')} AS "createdAt", resolved_at IS NOT NULL AS resolved
         FROM comment_flag WHERE comment_id = $1 ORDER BY created_at, id`,
      [commentId],
    );
  }

  // ---- Rounds and queues ----

  rounds(user: AuthUser): Promise<ModeratedRound[]> {
    return this.dataSource.query(
      `WITH rights AS (
         SELECT k.id, k.title, k.status, k.opens_at,
                (($2 AND k.status <> 'draft') OR EXISTS (SELECT 1 FROM consultation_moderator m WHERE m.consultation_id = k.id AND m.user_id = $1)) AS moderates,
                (k.status <> 'draft' AND ${safeguardsRoundSql('k.id', '$1', '$3', '$2')}) AS safeguards
         FROM consultation k
       )
       SELECT r.id AS "consultationId", r.title, r.status, r.moderates, r.safeguards,
              CASE WHEN r.moderates THEN (SELECT count(*)::int FROM comment c WHERE c.consultation_id = r.id AND c.review_queue = 'general') ELSE 0 END AS queued,
              CASE WHEN r.safeguards THEN (SELECT count(*)::int FROM comment c WHERE c.consultation_id = r.id AND c.review_queue = 'safeguarding') ELSE 0 END AS "safeguardingQueued",
              CASE WHEN r.moderates THEN (SELECT count(*)::int FROM moderation_decision d JOIN comment c ON c.id = d.comment_id
                                          WHERE d.consultation_id = r.id AND d.status = 'awaiting-cosign' AND NOT ${SAFEGUARDING_SQL}) ELSE 0 END AS "awaitingCosign",
              CASE WHEN r.moderates THEN (SELECT count(*)::int FROM appeal a JOIN moderation_decision d ON d.id = a.decision_id JOIN comment c ON c.id = d.comment_id
                                          WHERE d.consultation_id = r.id AND a.outcome IS NULL AND NOT ${SAFEGUARDING_SQL}) ELSE 0 END AS "pendingAppeals"
       FROM rights r
       WHERE r.moderates OR r.safeguards
       ORDER BY r.opens_at DESC, r.id`,
      [user.id, isAdmin(user), user.roles.includes('safeguarding')],
    );
  }

  /** Whether the reader handles the safeguarding concerns of some round (of the given one, if any). */
  async reachesSafeguardingQueue(user: AuthUser, consultationId: string | null): Promise<boolean> {
    const [reach]: Array<{ any: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM consultation c WHERE ($2::uuid IS NULL OR c.id = $2) AND ${safeguardsRoundSql('c.id', '$1', '$3', '$4')}) AS any`,
      [user.id, consultationId, user.roles.includes('safeguarding'), isAdmin(user)],
    );
    return reach?.any ?? false;
  }

  /**
   * One page of the general queue of a round or of the safeguarding queue (only the rounds whose
   * concerns the reader handles), and whether its order has a rank (the cursor then carries it).
   */
  async queuePage(query: QueuePageQuery): Promise<{ rows: QueueRow[]; ranked: boolean }> {
    const { reader, safeguarding, consultationId, sort, cursor, limit } = query;
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const reachable = safeguarding
      ? safeguardsRoundSql('c.consultation_id', bind(reader.id), bind(reader.roles.includes('safeguarding')), bind(isAdmin(reader)))
      : 'TRUE';
    // Sort keys: [rank,] queued_at, id — rank is the flag count (most-flagged, descending) or, in the
    // safeguarding queue, 0 for a comment the public still reads and 1 otherwise (ascending).
    const rank = sort === 'most-flagged' ? 'c.flag_count' : safeguarding ? `(CASE WHEN c.status = 'published' THEN 0 ELSE 1 END)` : null;
    let after = 'TRUE';
    if (cursor) {
      const at = `(c.queued_at, c.id) > (${bind(cursor.t)}::timestamptz, ${bind(cursor.id)}::uuid)`;
      if (rank) {
        const s = bind(cursor.s ?? 0);
        after = `(${rank} ${sort === 'most-flagged' ? '<' : '>'} ${s}::int OR (${rank} = ${s}::int AND ${at}))`;
      } else {
        after = at;
      }
    }
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT ${commentColumns('NULL::uuid')}, c.version, c.held_reason AS "heldReason", ${rank ?? '0'} AS rank,
                ${isoTimestamp('c.queued_at')} AS "queuedAt", c.queued_at::text AS "sortTime",
                scope.countries AS "scopeCountries", scope.undisclosed AS "scopeUndisclosed"
         FROM comment c ${COMMENT_JOINS} LEFT JOIN LATERAL comment_scope(c.id) scope ON true
         WHERE c.review_queue = ${bind(safeguarding ? 'safeguarding' : 'general')} AND (${bind(consultationId)}::uuid IS NULL OR c.consultation_id = ${bind(consultationId)}::uuid)
           AND ${reachable} AND ${after}
         ORDER BY ${rank ? `${rank} ${sort === 'most-flagged' ? 'DESC' : 'ASC'}, ` : ''}c.queued_at, c.id
         LIMIT ${bind(limit + 1)}`,
      params,
    );
    return { rows, ranked: rank !== null };
  }

  /** The open flags of the given comments, counted by reason, with their notes. */
  openFlags(commentIds: string[]): Promise<Array<{ commentId: string; reason: FlagReason; count: number; notes: string[] }>> {
    return this.dataSource.query(
      `SELECT comment_id AS "commentId", reason, count(*)::int AS count, COALESCE(array_agg(note ORDER BY created_at) FILTER (WHERE note IS NOT NULL), '{}') AS notes
             FROM comment_flag WHERE comment_id = ANY($1::uuid[]) AND resolved_at IS NULL GROUP BY comment_id, reason`,
      [commentIds],
    );
  }

  /** The parents of queued replies, each with whether it is a safeguarding item. */
  parents(parentIds: string[], readerId: string): Promise<Array<CommentRow & { safeguardingItem: boolean }>> {
    return this.dataSource.query(
      `SELECT ${commentColumns('$2::uuid')}, ${SAFEGUARDING_SQL} AS "safeguardingItem" FROM comment c ${COMMENT_JOINS} WHERE c.id = ANY($1::uuid[])`,
      [parentIds, readerId],
    );
  }

  // ---- Deciding ----

  /** Locks the proposal waiting for a co-signature on the comment, if any. */
  async lockWaitingProposal(manager: EntityManager, commentId: string): Promise<{ id: string } | undefined> {
    const waiting: Array<{ id: string }> = await manager.query(
      `SELECT id FROM moderation_decision WHERE comment_id = $1 AND status = 'awaiting-cosign' FOR UPDATE`,
      [commentId],
    );
    return waiting[0];
  }

  async lapse(manager: EntityManager, decisionId: string): Promise<void> {
    await manager.query(`UPDATE moderation_decision SET status = 'lapsed' WHERE id = $1`, [decisionId]);
  }

  /** A decision that waits for a co-signature, with the conflict behind it; returns its id. */
  async insertProposal(
    manager: EntityManager,
    input: DecisionInsert & { conflict: { disclosedCountry: string | null; ties: string[] } },
  ): Promise<string> {
    const { target, rule, conflict } = input;
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO moderation_decision (comment_id, consultation_id, action, rule_code, rule_version, reason, decided_by, decided_by_label, status,
                                              conflict_country_iso3, conflict_ties, comment_version, from_status, queued_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, ${DECIDER_LABEL('$7')}, 'awaiting-cosign', $8, $12::text[], $9, $10, $11) RETURNING id`,
      [
        target.id,
        target.consultationId,
        input.action,
        rule.code,
        rule.version,
        input.reason,
        input.deciderId,
        conflict.disclosedCountry,
        target.version,
        target.status,
        target.queuedAt,
        conflict.ties,
      ],
    );
    return row!.id;
  }

  // ---- Applying (inside the decision's transaction) ----

  /** Keeps the comment's current text in its revision history (the edit about to replace it). */
  async insertRevision(manager: EntityManager, target: DecisionTarget): Promise<void> {
    await manager.query(
      `INSERT INTO comment_revision (comment_id, body, body_html) SELECT id, body, body_html FROM comment WHERE id = $1 AND version = $2`,
      [target.id, target.version],
    );
  }

  /**
   * Moves the comment to `to` if it is still at the target's version (false otherwise), clearing its
   * queue and settling a waiting edit: published with `applyEdit`, dropped otherwise.
   */
  async updateComment(
    manager: EntityManager,
    target: DecisionTarget,
    to: CommentStatus,
    ruleCode: string,
    applyEdit: boolean,
  ): Promise<boolean> {
    const updated = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE comment SET status = $3, version = version + 1, review_queue = NULL, held_reason = NULL, queued_at = NULL, flag_count = 0,
              moderation_rule = CASE WHEN $3 IN ('hidden', 'rejected') THEN $4 END, moderated_at = now(),
              body = CASE WHEN $5 THEN pending_body ELSE body END, body_html = CASE WHEN $5 THEN pending_body_html ELSE body_html END,
              edited_at = CASE WHEN $5 THEN now() ELSE edited_at END,
              pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL
       WHERE id = $1 AND version = $2 RETURNING id`,
        [target.id, target.version, to, ruleCode, applyEdit],
      ),
    );
    return updated.length > 0;
  }

  async resolveFlags(manager: EntityManager, commentId: string): Promise<void> {
    await manager.query(`UPDATE comment_flag SET resolved_at = now() WHERE comment_id = $1 AND resolved_at IS NULL`, [commentId]);
  }

  /** The second signature applies a proposal. */
  async markCosigned(manager: EntityManager, decisionId: string, cosignerId: string): Promise<void> {
    await manager.query(
      `UPDATE moderation_decision SET status = 'applied', applied_at = now(), cosigned_by = $2, cosigned_by_label = ${DECIDER_LABEL('$2')}, cosigned_at = now() WHERE id = $1`,
      [decisionId, cosignerId],
    );
  }

  /** A decision applied at once (optionally on an appeal); returns its id. */
  async insertApplied(manager: EntityManager, input: DecisionInsert & { appealId: string | null }): Promise<string> {
    const { target, rule } = input;
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO moderation_decision (comment_id, consultation_id, action, rule_code, rule_version, reason, decided_by, decided_by_label, status, applied_at,
                                          comment_version, from_status, queued_at, appeal_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${DECIDER_LABEL('$7')}, 'applied', now(), $8, $9, $10, $11) RETURNING id`,
      [
        target.id,
        target.consultationId,
        input.action,
        rule.code,
        rule.version,
        input.reason,
        input.deciderId,
        target.version,
        target.status,
        target.queuedAt,
        input.appealId,
      ],
    );
    return row!.id;
  }

  // ---- Co-signing ----

  async cosignCandidate(decisionId: string): Promise<CosignCandidate | undefined> {
    const [decision]: CosignCandidate[] = await this.dataSource.query(
      `SELECT id, comment_id AS "commentId", action, rule_code AS "ruleCode", rule_version AS "ruleVersion", reason, status,
                decided_by AS "decidedBy", conflict_country_iso3 AS "conflictCountryIso3", conflict_ties AS "conflictTies", comment_version AS "commentVersion"
         FROM moderation_decision WHERE id = $1`,
      [decisionId],
    );
    return decision;
  }

  /** Locks the decision and returns its status (undefined if there is no such decision). */
  async lockDecisionStatus(manager: EntityManager, decisionId: string): Promise<string | undefined> {
    const [locked]: Array<{ status: string }> = await manager.query(`SELECT status FROM moderation_decision WHERE id = $1 FOR UPDATE`, [
      decisionId,
    ]);
    return locked?.status;
  }

  /** A proposal still awaiting its co-signature lapses (outside any transaction). */
  async lapseAwaiting(decisionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE moderation_decision SET status = 'lapsed' WHERE id = $1 AND status = 'awaiting-cosign'`, [
      decisionId,
    ]);
  }

  // ---- Highlights ----

  async setHighlighted(manager: EntityManager, commentId: string, highlighted: boolean): Promise<void> {
    await manager.query(`UPDATE comment SET highlighted_at = CASE WHEN $2 THEN COALESCE(highlighted_at, now()) END WHERE id = $1`, [
      commentId,
      highlighted,
    ]);
  }
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }).driverError ??
    (error as { code?: string; constraint?: string });
  return driverError.code === '23505' && driverError.constraint === constraint;
}
