import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  APPEAL_WINDOW_DAYS,
  ErrorCode,
  PAGE_LIMIT_DEFAULT,
  type Comment,
  type CommentModerationHistory,
  type CommentStatus,
  type DecisionRequest,
  type FlagReason,
  type HeldReason,
  type ListResponse,
  type LocaleCode,
  type ModerationAction,
  type ModerationDecision,
  type ModerationQueue,
  type ModeratedRound,
  type QueueItem,
  type QueueSort,
} from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { actingLabelSql } from '../accounts/acting-identity.service.js';
import { COMMENT_JOINS, commentColumns, presentComment, presentForModerator, type CommentRow } from '../comments/comment.presenter.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ThreadLogService, type ThreadDomainEvent, type ThreadEventType } from '../threads/thread-log.service.js';
import { HouseRulesService } from './house-rules.service.js';
import { ModerationAccessService, SAFEGUARDING_SQL, notAModerator, safeguardsRoundSql } from './moderation-access.service.js';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor.js';

/** The comment a decision acts on, as read before deciding. */
export interface DecisionTarget {
  id: string;
  consultationId: string;
  recommendationCode: string;
  countryIso3: string | null;
  status: CommentStatus;
  version: number;
  reviewQueue: string | null;
  heldReason: string | null;
  moderationRule: string | null;
  authorId: string | null;
  queuedAt: string;
  safeguarding: boolean;
  /** An edit waits for review. */
  pendingEdit: boolean;
}

interface Transition {
  to: CommentStatus;
  /** What live clients see (nothing when the public never saw the comment and still does not). */
  event: ThreadEventType | null;
  /** Whether the author hears about it (not when a published comment is merely cleared of flags). */
  notify: boolean;
  /** What becomes of an edit waiting for review: published, or turned down (any other decision drops it too). */
  edit?: 'apply' | 'discard';
}

/**
 * Which actions apply to which state. "Pending review" is a comment hidden by flags or a
 * safeguarding concern before anyone decided (hidden, no rule yet). A published comment with an
 * edit waiting for review: approving publishes the edit, rejecting turns the edit down (the
 * comment stays as it was published), hiding hides the comment and drops the edit.
 */
export function planTransition(
  status: CommentStatus,
  pendingReview: boolean,
  queued: boolean,
  action: ModerationAction,
  pendingEdit = false,
): Transition | undefined {
  switch (action) {
    case 'approve':
      if (status === 'pending') return { to: 'published', event: 'comment.created', notify: true };
      if (status === 'hidden' && pendingReview) return { to: 'published', event: 'comment.updated', notify: true };
      if (status === 'published' && pendingEdit) return { to: 'published', event: 'comment.updated', notify: true, edit: 'apply' };
      if (status === 'published' && queued) return { to: 'published', event: null, notify: false };
      return undefined;
    case 'hide':
      if (status === 'published') return { to: 'hidden', event: 'comment.removed', notify: true };
      if (status === 'hidden' && pendingReview) return { to: 'hidden', event: 'comment.updated', notify: true };
      return undefined;
    case 'reject':
      if (status === 'pending') return { to: 'rejected', event: null, notify: true };
      if (status === 'published' && pendingEdit) return { to: 'published', event: null, notify: true, edit: 'discard' };
      return undefined;
    case 'restore':
      if (status === 'hidden') return { to: 'published', event: 'comment.updated', notify: true };
      if (status === 'rejected') return { to: 'published', event: 'comment.created', notify: true };
      return undefined;
  }
}

/** Thrown inside a decision's transaction when another decision got there first. */
export class DecisionConflict extends ApiException {
  constructor() {
    super(HttpStatus.CONFLICT, ErrorCode.DECISION_CONFLICT, 'Another moderator decided on this comment a moment ago; reload it');
  }
}

export interface ApplyInput {
  target: DecisionTarget;
  action: ModerationAction;
  transition: Transition;
  rule: { code: string; version: number };
  reason: string;
  deciderId: string;
  /** Applying a decision that waited for a co-signature. */
  awaiting?: { decisionId: string; cosignerId: string };
  appealId?: string | null;
}

export interface Applied {
  decisionId: string;
  events: ThreadDomainEvent[];
  notifications: string[];
}

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

function decisionSelect(localeParam: string): string {
  const appealDeadline = `d.applied_at + make_interval(days => ${APPEAL_WINDOW_DAYS})`;
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
              THEN ${isoTimestamp(`(${appealDeadline})`)} END AS "appealableUntil"
  FROM moderation_decision d
  JOIN comment c ON c.id = d.comment_id
  JOIN house_rule r ON r.code = d.rule_code AND r.version = d.rule_version
  LEFT JOIN app_user du ON du.id = d.decided_by
  LEFT JOIN app_user cu ON cu.id = d.cosigned_by
  LEFT JOIN appeal a ON a.decision_id = d.id`;
}

export interface DecisionRow {
  id: string;
  commentId: string;
  consultationId: string;
  recommendationCode: string;
  action: ModerationAction;
  ruleCode: string;
  ruleVersion: number;
  ruleTitle: string;
  reason: string;
  status: ModerationDecision['status'];
  decidedAt: string;
  appliedAt: string | null;
  appealId: string | null;
  decidedById: string | null;
  cosignedById: string | null;
  deciderName: string | null;
  cosignerName: string | null;
  conflictCountryIso3: string | null;
  conflicted: boolean;
  authorId: string | null;
  appealRowId: string | null;
  appealStatus: 'pending' | 'upheld' | 'overturned' | null;
  appealCreatedAt: string | null;
  appealDecidedAt: string | null;
  appealOutcomeReason: string | null;
  appealableUntil: string | null;
}

/** A decision as `reader` may see it: who decided only for moderators and admins. */
export function presentDecision(row: DecisionRow, reader: AuthUser, readerModerates: boolean): ModerationDecision {
  return {
    id: row.id,
    commentId: row.commentId,
    consultationId: row.consultationId,
    recommendationCode: row.recommendationCode,
    action: row.action,
    ruleCode: row.ruleCode,
    ruleVersion: row.ruleVersion,
    ruleTitle: row.ruleTitle,
    reason: row.reason,
    status: row.status,
    decidedAt: row.decidedAt,
    appliedAt: row.appliedAt,
    appealId: row.appealId,
    appeal: row.appealRowId
      ? {
          id: row.appealRowId,
          status: row.appealStatus ?? 'pending',
          createdAt: row.appealCreatedAt!,
          decidedAt: row.appealDecidedAt,
          outcomeReason: row.appealOutcomeReason,
        }
      : null,
    appealableUntil: row.authorId === reader.id ? row.appealableUntil : null,
    ...(readerModerates
      ? {
          decidedBy: { displayName: row.deciderName ?? 'Former participant' },
          cosignedBy: row.cosignedById ? { displayName: row.cosignerName ?? 'Former participant' } : null,
          decidedByMe: row.decidedById === reader.id,
          conflictCountryIso3: row.conflictCountryIso3,
          conflict: row.conflicted,
        }
      : {}),
  };
}

/**
 * Queues and decisions. Every decision cites a rule and a reason, is stored immutably, and is
 * applied under an optimistic lock on the comment's version: of two moderators acting at once
 * one wins and the other gets one 409 (both attempts are in the audit log). A moderator with a
 * government tie to the comment's country proposes; a second moderator without that tie (or an
 * admin) co-signs before anything changes.
 */
@Injectable()
export class ModerationDecisionsService {
  private readonly logger = new Logger('Moderation');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ModerationAccessService,
    private readonly rules: HouseRulesService,
    private readonly threads: ThreadLogService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Rounds the reader moderates (admins: every round that is not a draft) or whose safeguarding
   * concerns they handle, with their open work — each count only where the reader may act.
   */
  async rounds(user: AuthUser): Promise<ListResponse<ModeratedRound>> {
    const rows: Array<ModeratedRound> = await this.dataSource.query(
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
    return { items: rows };
  }

  /**
   * The general queue of one round (its moderators, admins) or the safeguarding queue (the rounds
   * whose concerns the reader handles; optionally one of them). In the safeguarding queue what the
   * public can still read comes first: a concern nobody has acted on yet is the most urgent.
   */
  async queue(
    user: AuthUser,
    scope: { consultationId: string } | { safeguarding: true; consultationId?: string },
    sort: QueueSort = 'oldest',
    rawCursor?: string,
    limit = PAGE_LIMIT_DEFAULT,
    locale: LocaleCode = 'en',
  ): Promise<ModerationQueue> {
    const cursor = decodeCursor(rawCursor);
    const safeguarding = 'safeguarding' in scope;
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    let reachable = 'TRUE';
    if (safeguarding) {
      const [reach]: Array<{ any: boolean }> = await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM consultation c WHERE ($2::uuid IS NULL OR c.id = $2) AND ${safeguardsRoundSql('c.id', '$1', '$3', '$4')}) AS any`,
        [user.id, scope.consultationId ?? null, user.roles.includes('safeguarding'), isAdmin(user)],
      );
      if (!reach?.any) throw notAModerator();
      reachable = safeguardsRoundSql('c.consultation_id', bind(user.id), bind(user.roles.includes('safeguarding')), bind(isAdmin(user)));
      // Every look at the restricted queue is on the record.
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actorId: user.id,
          action: 'safeguarding.queue_viewed',
          targetType: 'queue',
          targetId: scope.consultationId ?? 'safeguarding',
          details: { sort },
        }),
      );
    } else {
      await this.access.assertModeratesRound(user, scope.consultationId);
    }
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
    const rows: Array<
      CommentRow & {
        version: number;
        heldReason: HeldReason | null;
        queuedAt: string;
        sortTime: string;
        rank: number;
        scopeCountries: string[];
        scopeUndisclosed: boolean;
      }
    > = await this.dataSource.query(
      `SELECT ${commentColumns('NULL::uuid')}, c.version, c.held_reason AS "heldReason", ${rank ?? '0'} AS rank,
                ${isoTimestamp('c.queued_at')} AS "queuedAt", c.queued_at::text AS "sortTime",
                scope.countries AS "scopeCountries", scope.undisclosed AS "scopeUndisclosed"
         FROM comment c ${COMMENT_JOINS} LEFT JOIN LATERAL comment_scope(c.id) scope ON true
         WHERE c.review_queue = ${bind(safeguarding ? 'safeguarding' : 'general')} AND (${bind(scope.consultationId ?? null)}::uuid IS NULL OR c.consultation_id = ${bind(scope.consultationId ?? null)}::uuid)
           AND ${reachable} AND ${after}
         ORDER BY ${rank ? `${rank} ${sort === 'most-flagged' ? 'DESC' : 'ASC'}, ` : ''}c.queued_at, c.id
         LIMIT ${bind(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const ids = page.map((row) => row.id);
    const parentIds = page.map((row) => row.parentId).filter((id): id is string => id !== null);
    const [flags, parents, awaiting, ties] = await Promise.all([
      ids.length
        ? (this.dataSource.query(
            `SELECT comment_id AS "commentId", reason, count(*)::int AS count, COALESCE(array_agg(note ORDER BY created_at) FILTER (WHERE note IS NOT NULL), '{}') AS notes
             FROM comment_flag WHERE comment_id = ANY($1::uuid[]) AND resolved_at IS NULL GROUP BY comment_id, reason`,
            [ids],
          ) as Promise<Array<{ commentId: string; reason: FlagReason; count: number; notes: string[] }>>)
        : [],
      parentIds.length
        ? (this.dataSource.query(
            `SELECT ${commentColumns('$2::uuid')}, ${SAFEGUARDING_SQL} AS "safeguardingItem" FROM comment c ${COMMENT_JOINS} WHERE c.id = ANY($1::uuid[])`,
            [parentIds, user.id],
          ) as Promise<Array<CommentRow & { safeguardingItem: boolean }>>)
        : [],
      ids.length
        ? (this.dataSource.query(`${decisionSelect('$2')} WHERE d.comment_id = ANY($1::uuid[]) AND d.status = 'awaiting-cosign'`, [
            ids,
            locale,
          ]) as Promise<DecisionRow[]>)
        : [],
      this.access.governmentTies(user.id),
    ]);
    // A parent is shown with the reader's own rights: a general moderator sees a parent that is a
    // safeguarding item as the public does (a tombstone if hidden), and the reverse for officers.
    const readable = new Map<string, boolean>();
    const mayRead = async (parent: CommentRow & { safeguardingItem: boolean }) => {
      const key = `${parent.consultationId}:${parent.safeguardingItem}`;
      if (!readable.has(key))
        readable.set(
          key,
          await this.access.mayDecide(user, { consultationId: parent.consultationId, safeguarding: parent.safeguardingItem }),
        );
      return readable.get(key)!;
    };
    const shownParents = new Map<string, Comment>();
    for (const parent of parents)
      shownParents.set(parent.id, (await mayRead(parent)) ? presentForModerator(parent) : presentComment(parent, user.id));
    const items: QueueItem[] = page.map((row) => {
      const mine = flags.filter((flag) => flag.commentId === row.id);
      const pendingDecision = awaiting.find((decision) => decision.commentId === row.id);
      return {
        comment: presentForModerator(row),
        version: row.version,
        heldReason: row.heldReason,
        flags: {
          total: mine.reduce((sum, flag) => sum + flag.count, 0),
          byReason: Object.fromEntries(mine.map((flag) => [flag.reason, flag.count])),
          notes: mine.flatMap((flag) => flag.notes),
        },
        parent: (row.parentId && shownParents.get(row.parentId)) || null,
        queuedAt: row.queuedAt,
        awaitingCosign: pendingDecision ? presentDecision(pendingDecision, user, true) : null,
        conflictOfInterest: ties.length > 0 && (row.scopeUndisclosed || (row.scopeCountries ?? []).some((iso3) => ties.includes(iso3))),
      };
    });
    const last = page.at(-1);
    return {
      items,
      consultationId: scope.consultationId ?? null,
      nextCursor: rows.length > limit && last ? encodeCursor({ t: last.sortTime, id: last.id, ...(rank ? { s: last.rank } : {}) }) : null,
    };
  }

  async decide(user: AuthUser, dto: DecisionRequest, locale: LocaleCode = 'en'): Promise<ModerationDecision> {
    const rule = await this.rules.inForce(dto.ruleCode);
    const target = await this.loadTarget(dto.commentId);
    await this.access.assertMayDecide(user, target);
    if (dto.expectedVersion !== undefined && dto.expectedVersion !== target.version) {
      await this.recordConflict(user, target.id, dto.action);
      throw new DecisionConflict();
    }
    const transition = planTransition(
      target.status,
      target.status === 'hidden' && target.moderationRule === null,
      target.reviewQueue !== null,
      dto.action,
      target.pendingEdit,
    );
    if (!transition) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        ErrorCode.INVALID_STATUS_TRANSITION,
        `A ${target.status} comment cannot be given "${dto.action}"`,
      );
    }
    // Judged on what the comment is about, for every action; recorded with the proposal.
    const conflict = await this.access.conflict(user, target.id);
    let outcome: Applied;
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        const waiting: Array<{ id: string }> = await manager.query(
          `SELECT id FROM moderation_decision WHERE comment_id = $1 AND status = 'awaiting-cosign' FOR UPDATE`,
          [target.id],
        );
        if (waiting[0]) {
          // A conflicted moderator cannot replace a proposal; anyone else deciding outright lets it lapse.
          if (conflict.conflicted) throw new DecisionConflict();
          await manager.query(`UPDATE moderation_decision SET status = 'lapsed' WHERE id = $1`, [waiting[0].id]);
        }
        if (conflict.conflicted) {
          const [row]: Array<{ id: string }> = await manager.query(
            `INSERT INTO moderation_decision (comment_id, consultation_id, action, rule_code, rule_version, reason, decided_by, decided_by_label, status,
                                              conflict_country_iso3, conflict_ties, comment_version, from_status, queued_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, ${DECIDER_LABEL('$7')}, 'awaiting-cosign', $8, $12::text[], $9, $10, $11) RETURNING id`,
            [
              target.id,
              target.consultationId,
              dto.action,
              rule.code,
              rule.version,
              dto.reason,
              user.id,
              conflict.disclosedCountry,
              target.version,
              target.status,
              target.queuedAt,
              conflict.ties,
            ],
          );
          // The log names the country only where the decision may (never for a protected author).
          await this.audit.record(manager, {
            actorId: user.id,
            action: 'moderation.decision_proposed',
            targetType: 'comment',
            targetId: target.id,
            details: {
              decisionId: row!.id,
              action: dto.action,
              ruleCode: rule.code,
              ruleVersion: rule.version,
              conflictCountryIso3: conflict.disclosedCountry,
            },
          });
          return { decisionId: row!.id, events: [], notifications: [] };
        }
        return this.apply(manager, { target, action: dto.action, transition, rule, reason: dto.reason, deciderId: user.id });
      });
    } catch (error) {
      if (error instanceof DecisionConflict || isUniqueViolation(error, 'moderation_decision_awaiting_key')) {
        await this.recordConflict(user, target.id, dto.action);
        throw new DecisionConflict();
      }
      throw error;
    }
    this.threads.announce(outcome.events);
    void this.notifications.deliver(outcome.notifications);
    return this.get(outcome.decisionId, user, locale);
  }

  /** The second signature on a conflicted decision: applies it, unless the comment changed meanwhile. */
  async cosign(user: AuthUser, decisionId: string, locale: LocaleCode = 'en'): Promise<ModerationDecision> {
    const [decision]: Array<{
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
    }> = await this.dataSource.query(
      `SELECT id, comment_id AS "commentId", action, rule_code AS "ruleCode", rule_version AS "ruleVersion", reason, status,
                decided_by AS "decidedBy", conflict_country_iso3 AS "conflictCountryIso3", conflict_ties AS "conflictTies", comment_version AS "commentVersion"
         FROM moderation_decision WHERE id = $1`,
      [decisionId],
    );
    if (!decision) throw decisionNotFound();
    const target = await this.loadTarget(decision.commentId);
    await this.access.assertMayDecide(user, target);
    if (decision.status !== 'awaiting-cosign')
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.INVALID_STATUS_TRANSITION, 'This decision does not await a co-signature');
    if (decision.decidedBy === user.id)
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.COSIGN_NOT_ALLOWED, 'A second moderator must co-sign your decision');
    // Nobody who shares a tie behind the proposal co-signs it — admins included. The refusal does not say which tie.
    const ties =
      decision.conflictTies.length > 0 ? decision.conflictTies : decision.conflictCountryIso3 ? [decision.conflictCountryIso3] : [];
    if (await this.access.sharesTie(user, ties)) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        ErrorCode.COSIGN_NOT_ALLOWED,
        'You cannot co-sign this decision; another moderator must',
      );
    }
    const transition = planTransition(
      target.status,
      target.status === 'hidden' && target.moderationRule === null,
      target.reviewQueue !== null,
      decision.action,
      target.pendingEdit,
    );
    let outcome: Applied;
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        const [locked]: Array<{ status: string }> = await manager.query(`SELECT status FROM moderation_decision WHERE id = $1 FOR UPDATE`, [
          decisionId,
        ]);
        if (locked?.status !== 'awaiting-cosign' || !transition || target.version !== decision.commentVersion) throw new DecisionConflict();
        return this.apply(manager, {
          target,
          action: decision.action,
          transition,
          rule: { code: decision.ruleCode, version: decision.ruleVersion },
          reason: decision.reason,
          deciderId: decision.decidedBy ?? user.id,
          awaiting: { decisionId, cosignerId: user.id },
        });
      });
    } catch (error) {
      if (!(error instanceof DecisionConflict)) throw error;
      // The comment moved on since the proposal: it lapses rather than applying to something nobody saw.
      await this.dataSource.query(`UPDATE moderation_decision SET status = 'lapsed' WHERE id = $1 AND status = 'awaiting-cosign'`, [
        decisionId,
      ]);
      await this.recordConflict(user, target.id, decision.action);
      throw error;
    }
    this.threads.announce(outcome.events);
    void this.notifications.deliver(outcome.notifications);
    return this.get(decisionId, user, locale);
  }

  /**
   * Applies a decision inside the caller's transaction: the comment changes only if it is still at
   * the version the decision was made against (otherwise DecisionConflict rolls everything back).
   */
  async apply(manager: EntityManager, input: ApplyInput): Promise<Applied> {
    const { target, transition, rule } = input;
    const applyEdit = transition.edit === 'apply';
    // The text being replaced joins the history its author and the moderators can read.
    if (applyEdit) {
      await manager.query(
        `INSERT INTO comment_revision (comment_id, body, body_html) SELECT id, body, body_html FROM comment WHERE id = $1 AND version = $2`,
        [target.id, target.version],
      );
    }
    // Every decision settles a waiting edit: approving publishes it, anything else drops it.
    const updated = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE comment SET status = $3, version = version + 1, review_queue = NULL, held_reason = NULL, queued_at = NULL, flag_count = 0,
              moderation_rule = CASE WHEN $3 IN ('hidden', 'rejected') THEN $4 END, moderated_at = now(),
              body = CASE WHEN $5 THEN pending_body ELSE body END, body_html = CASE WHEN $5 THEN pending_body_html ELSE body_html END,
              edited_at = CASE WHEN $5 THEN now() ELSE edited_at END,
              pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL
       WHERE id = $1 AND version = $2 RETURNING id`,
        [target.id, target.version, transition.to, rule.code, applyEdit && target.pendingEdit],
      ),
    );
    if (updated.length === 0) throw new DecisionConflict();
    await manager.query(`UPDATE comment_flag SET resolved_at = now() WHERE comment_id = $1 AND resolved_at IS NULL`, [target.id]);
    let decisionId: string;
    if (input.awaiting) {
      await manager.query(
        `UPDATE moderation_decision SET status = 'applied', applied_at = now(), cosigned_by = $2, cosigned_by_label = ${DECIDER_LABEL('$2')}, cosigned_at = now() WHERE id = $1`,
        [input.awaiting.decisionId, input.awaiting.cosignerId],
      );
      decisionId = input.awaiting.decisionId;
    } else {
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
          input.appealId ?? null,
        ],
      );
      decisionId = row!.id;
    }
    const events: ThreadDomainEvent[] = [];
    if (transition.event) {
      events.push(
        await this.threads.append(manager, {
          consultationId: target.consultationId,
          recommendationCode: target.recommendationCode,
          type: transition.event,
          commentId: target.id,
        }),
      );
    }
    const notifications: string[] = [];
    if (transition.notify && target.authorId) {
      notifications.push(
        await this.notifications.create(manager, {
          userId: target.authorId,
          kind: 'moderation.decision',
          decisionId,
          commentId: target.id,
        }),
      );
    }
    await this.audit.record(manager, {
      actorId: input.awaiting?.cosignerId ?? input.deciderId,
      action: input.awaiting ? 'moderation.decision_cosigned' : input.appealId ? 'moderation.decision_on_appeal' : 'moderation.decision',
      targetType: 'comment',
      targetId: target.id,
      details: {
        decisionId,
        action: input.action,
        ruleCode: rule.code,
        ruleVersion: rule.version,
        from: target.status,
        to: transition.to,
        ...(transition.edit ? { edit: transition.edit } : {}),
        ...(input.appealId ? { appealId: input.appealId } : {}),
      },
    });
    this.logger.log({ event: 'moderation.decision', decisionId, action: input.action, ruleCode: rule.code }, 'moderation decision applied');
    return { decisionId, events, notifications };
  }

  async list(user: AuthUser, consultationId: string, locale: LocaleCode = 'en'): Promise<ListResponse<ModerationDecision>> {
    await this.access.assertModeratesRound(user, consultationId);
    const rows: DecisionRow[] = await this.dataSource.query(
      `${decisionSelect('$2')} WHERE d.consultation_id = $1 AND NOT ${SAFEGUARDING_SQL}
       ORDER BY d.decided_at DESC, d.id DESC LIMIT 200`,
      [consultationId, locale],
    );
    return { items: rows.map((row) => presentDecision(row, user, true)) };
  }

  /** The comment's author, the round's moderators and admins (safeguarding items: that role) may read a decision. */
  async get(id: string, user: AuthUser, locale: LocaleCode = 'en'): Promise<ModerationDecision> {
    const [row]: Array<DecisionRow & { safeguarding: boolean }> = await this.dataSource.query(
      `${decisionSelect('$2').replace('FROM moderation_decision d', `, ${SAFEGUARDING_SQL} AS safeguarding FROM moderation_decision d`)} WHERE d.id = $1`,
      [id, locale],
    );
    if (!row) throw decisionNotFound();
    const moderates = await this.access.mayDecide(user, { consultationId: row.consultationId, safeguarding: row.safeguarding });
    if (!moderates && row.authorId !== user.id) throw decisionNotFound();
    return presentDecision(row, user, moderates);
  }

  /**
   * A comment's moderation record — its reports (never who made them) and every decision — for
   * those who may decide on it: the round's moderators, or for a safeguarding item its officers.
   */
  async history(user: AuthUser, commentId: string, locale: LocaleCode = 'en'): Promise<CommentModerationHistory> {
    const target = await this.loadTarget(commentId);
    await this.access.assertMayDecide(user, target);
    const [flags, decisions] = await Promise.all([
      this.dataSource.query(
        `SELECT reason, note, ${isoTimestamp('created_at')} AS "createdAt", resolved_at IS NOT NULL AS resolved
         FROM comment_flag WHERE comment_id = $1 ORDER BY created_at, id`,
        [commentId],
      ) as Promise<CommentModerationHistory['flags']>,
      this.dataSource.query(`${decisionSelect('$2')} WHERE d.comment_id = $1 ORDER BY d.decided_at, d.id`, [commentId, locale]) as Promise<
        DecisionRow[]
      >,
    ]);
    return { commentId, flags, decisions: decisions.map((row) => presentDecision(row, user, true)) };
  }

  async loadTarget(commentId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<DecisionTarget> {
    const [target]: DecisionTarget[] = await manager.query(`${TARGET_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [commentId]);
    if (!target || target.status === 'deleted')
      throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
    return target;
  }

  /** A moderator marks a published comment to be quoted in the round's report (or unmarks it). */
  async highlight(user: AuthUser, commentId: string, highlighted: boolean): Promise<{ commentId: string; highlighted: boolean }> {
    const target = await this.loadTarget(commentId);
    await this.access.assertMayDecide(user, target);
    if (target.status !== 'published')
      throw new ApiException(
        HttpStatus.CONFLICT,
        ErrorCode.INVALID_STATUS_TRANSITION,
        'Only a published comment can be quoted in the report',
      );
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE comment SET highlighted_at = CASE WHEN $2 THEN COALESCE(highlighted_at, now()) END WHERE id = $1`, [
        commentId,
        highlighted,
      ]);
      await this.audit.record(manager, {
        actorId: user.id,
        action: highlighted ? 'comment.highlighted' : 'comment.unhighlighted',
        targetType: 'comment',
        targetId: commentId,
      });
    });
    return { commentId, highlighted };
  }

  /** Of two moderators acting on one comment at once, the losing attempt is on the record too. */
  private async recordConflict(user: AuthUser, commentId: string, action: ModerationAction): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actorId: user.id,
        action: 'moderation.decision_conflict',
        targetType: 'comment',
        targetId: commentId,
        details: { action },
      }),
    );
  }
}

export function decisionNotFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.DECISION_NOT_FOUND, 'No such decision');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }).driverError ??
    (error as { code?: string; constraint?: string });
  return driverError.code === '23505' && driverError.constraint === constraint;
}
