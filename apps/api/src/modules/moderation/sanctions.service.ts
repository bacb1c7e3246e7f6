import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  SANCTION_COSIGN_AFTER_DAYS,
  type ListResponse,
  type LocaleCode,
  type Sanction,
  type SanctionRequest,
} from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { announceSessionsRevoked } from '../../core/auth/session-events.js';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { HouseRulesService } from './house-rules.service.js';
import { ModerationAccessService, NO_CONFLICT, SAFEGUARDING_SQL, notAModerator, type Conflict } from './moderation-access.service.js';
import { presentSanction, sanctionSelect, type SanctionRow } from './sanction.presenter.js';

const MAX_SUSPENSION_DAYS = 3_650;
const DAY_MS = 86_400_000;

function invalid(field: string, message: string): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, message, [{ field, reason: 'invalid', message }]);
}

export function sanctionNotFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.SANCTION_NOT_FOUND, 'No such sanction');
}

function cosignRefused(message: string): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, ErrorCode.COSIGN_NOT_ALLOWED, message);
}

/**
 * SQL (boolean): whether account `u` is one of the people who moderate round `round` (a uuid
 * parameter, may be NULL): an admin, the platform's safeguarding team, or a moderator or
 * safeguarding officer of that round. Only an admin sanctions them (or co-signs their sanction).
 */
function protectedTargetSql(round: string): string {
  return `('admin' = ANY(u.roles) OR 'safeguarding' = ANY(u.roles)
    OR EXISTS (SELECT 1 FROM consultation_moderator m WHERE m.consultation_id = ${round}::uuid AND m.user_id = u.id)
    OR EXISTS (SELECT 1 FROM consultation_safeguarding_officer o WHERE o.consultation_id = ${round}::uuid AND o.user_id = u.id))`;
}

/** What acting on a sanction needs to know about it. */
interface SanctionFacts {
  id: string;
  userId: string;
  consultationId: string | null;
  /** The round judged for who is protected: the sanction's, else its comment's. */
  protectionRound: string | null;
  commentId: string | null;
  safeguarding: boolean;
  status: string;
  lifted: boolean;
  live: boolean;
  createdBy: string | null;
  conflictTies: string[];
  until: string;
  ruleCode: string;
  ruleVersion: number;
}

/**
 * Sanctions: a person may not contribute until a date, under a rule, with a reason.
 *
 * - In one round (a round sanction: contributions to it are refused with SUSPENDED_IN_ROUND, see
 *   `assertNotSuspendedInRound`), or — admins only — everywhere (global: the account's sessions end
 *   at once, so its sockets drop within moments; it may sign in again read-only, to appeal).
 * - A round's moderators sanction the author of a comment in their round without learning who that
 *   is; safeguarding items belong to the round's safeguarding officers. Admins may also name an account.
 * - Four eyes: one longer than SANCTION_COSIGN_AFTER_DAYS, or proposed by someone with a conflict of
 *   interest with the comment, waits for a second person (who shares none of the proposer's ties)
 *   before anything is enforced or the person hears of it.
 * - Nobody but an admin sanctions (or co-signs against) a moderator, safeguarding officer or admin.
 * - Once in force, its person is told (rule, reason, until, round) and may appeal within 14 days.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ModerationAccessService,
    private readonly rules: HouseRulesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly emitter: EventEmitter2,
  ) {}

  async create(actor: AuthUser, dto: SanctionRequest, locale: LocaleCode = 'en'): Promise<Sanction> {
    // Validate.
    if (Boolean(dto.commentId) === Boolean(dto.userId)) throw invalid('commentId', 'Give exactly one of commentId and userId');
    const until = new Date(dto.until);
    if (!(until.getTime() > Date.now())) throw invalid('until', 'until must be in the future');
    if (until.getTime() > Date.now() + MAX_SUSPENSION_DAYS * DAY_MS)
      throw invalid('until', `A suspension lasts at most ${MAX_SUSPENSION_DAYS} days`);
    const global = dto.global === true;
    if (global && dto.consultationId) throw invalid('consultationId', 'A global sanction applies everywhere; give no consultationId');
    if (global && !isAdmin(actor)) throw notAModerator();
    const rule = await this.rules.inForce(dto.ruleCode);

    // Load and authorize.
    let userId: string;
    let consultationId: string | null;
    let protectionRound: string | null;
    let conflict: Conflict = NO_CONFLICT;
    if (dto.commentId) {
      const [comment]: Array<{ authorId: string | null; consultationId: string; safeguarding: boolean }> = await this.dataSource.query(
        `SELECT c.author_id AS "authorId", c.consultation_id AS "consultationId", ${SAFEGUARDING_SQL} AS safeguarding FROM comment c WHERE c.id = $1`,
        [dto.commentId],
      );
      if (!comment) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
      await this.access.assertMayDecide(actor, { consultationId: comment.consultationId, safeguarding: comment.safeguarding });
      if (dto.consultationId && dto.consultationId !== comment.consultationId)
        throw invalid('consultationId', 'A sanction over a comment applies to the comment’s round');
      if (!comment.authorId)
        throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'The author’s account no longer exists');
      userId = comment.authorId;
      consultationId = global ? null : comment.consultationId;
      protectionRound = comment.consultationId;
      conflict = await this.access.conflict(actor, dto.commentId);
    } else {
      if (!isAdmin(actor)) throw notAModerator();
      if (!global && !dto.consultationId) throw invalid('consultationId', 'Give the round (consultationId), or make the sanction global');
      if (dto.consultationId) {
        const [round] = await this.dataSource.query(`SELECT 1 FROM consultation WHERE id = $1`, [dto.consultationId]);
        if (!round) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.CONSULTATION_NOT_FOUND, 'No such consultation');
      }
      userId = dto.userId!;
      consultationId = global ? null : dto.consultationId!;
      protectionRound = consultationId;
    }
    if (userId === actor.id) throw invalid('userId', 'You cannot suspend yourself');
    const awaiting = until.getTime() - Date.now() > SANCTION_COSIGN_AFTER_DAYS * DAY_MS || conflict.conflicted;

    // Transaction, then side effects.
    const sessionIds: string[] = [];
    const created = await this.dataSource.transaction(async (manager) => {
      const [target]: Array<{ isProtected: boolean }> = await manager.query(
        `SELECT ${protectedTargetSql('$2')} AS "isProtected" FROM app_user u WHERE u.id = $1 AND u.status = 'active' FOR UPDATE OF u`,
        [userId, protectionRound],
      );
      if (!target) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such account');
      if (target.isProtected && !isAdmin(actor)) throw notAModerator();
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO sanction (user_id, until, rule_code, rule_version, reason, comment_id, created_by, consultation_id, status, conflict_ties)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          userId,
          until.toISOString(),
          rule.code,
          rule.version,
          dto.reason.trim(),
          dto.commentId ?? null,
          actor.id,
          consultationId,
          awaiting ? 'awaiting-cosign' : 'in-force',
          conflict.conflicted ? conflict.ties : [],
        ],
      );
      const id = row!.id;
      const details = {
        until: until.toISOString(),
        ruleCode: rule.code,
        ruleVersion: rule.version,
        consultationId,
        ...(dto.commentId ? { commentId: dto.commentId } : { userId }),
      };
      if (awaiting) {
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'sanction.proposed',
          targetType: 'sanction',
          targetId: id,
          details: { ...details, conflict: conflict.conflicted },
        });
        return { id, notification: undefined };
      }
      const enforced = await this.enforce(manager, {
        id,
        userId,
        consultationId,
        commentId: dto.commentId ?? null,
        until: until.toISOString(),
      });
      sessionIds.push(...enforced.sessionIds);
      await this.audit.record(manager, { actorId: actor.id, action: 'sanction.imposed', targetType: 'sanction', targetId: id, details });
      return { id, notification: enforced.notification };
    });
    announceSessionsRevoked(this.emitter, sessionIds);
    if (created.notification) void this.notifications.deliver([created.notification]);
    return this.get(actor, created.id, locale);
  }

  /** The second signature: someone else who may act on it, shares none of the proposer's ties, and is an admin when the target is protected. */
  async cosign(actor: AuthUser, id: string, locale: LocaleCode = 'en'): Promise<Sanction> {
    const facts = await this.facts(id);
    if (!facts) throw sanctionNotFound();
    if (!(await this.mayAct(actor, facts))) throw notAModerator();
    if (facts.status !== 'awaiting-cosign' || facts.lifted || !facts.live) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.INVALID_STATUS_TRANSITION, 'This sanction does not await a co-signature');
    }
    if (facts.createdBy === actor.id || facts.userId === actor.id) throw cosignRefused('A second person must co-sign this sanction');
    // Never says which tie: only that someone without the proposer's conflict must co-sign.
    if (await this.access.sharesTie(actor, facts.conflictTies))
      throw cosignRefused('You share the conflict of interest; someone without it must co-sign');
    const sessionIds: string[] = [];
    const notification = await this.dataSource.transaction(async (manager) => {
      const [target]: Array<{ isProtected: boolean }> = await manager.query(
        `SELECT ${protectedTargetSql('$2')} AS "isProtected" FROM app_user u WHERE u.id = $1 AND u.status = 'active' FOR UPDATE OF u`,
        [facts.userId, facts.protectionRound],
      );
      if (!target) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such account');
      if (target.isProtected && !isAdmin(actor)) throw notAModerator();
      const [signed] = rowsOf<{ id: string }>(
        await manager.query(
          `UPDATE sanction SET status = 'in-force', cosigned_by = $2, cosigned_at = now()
           WHERE id = $1 AND status = 'awaiting-cosign' AND lifted_at IS NULL AND until > now() RETURNING id`,
          [id, actor.id],
        ),
      );
      if (!signed)
        throw new ApiException(HttpStatus.CONFLICT, ErrorCode.INVALID_STATUS_TRANSITION, 'This sanction does not await a co-signature');
      const enforced = await this.enforce(manager, facts);
      sessionIds.push(...enforced.sessionIds);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'sanction.cosigned',
        targetType: 'sanction',
        targetId: id,
        details: {
          until: facts.until,
          ruleCode: facts.ruleCode,
          ruleVersion: facts.ruleVersion,
          consultationId: facts.consultationId,
          ...(facts.commentId ? { commentId: facts.commentId } : {}),
        },
      });
      return enforced.notification;
    });
    announceSessionsRevoked(this.emitter, sessionIds);
    void this.notifications.deliver([notification]);
    return this.get(actor, id, locale);
  }

  /** Admins: every sanction. With a round: its moderators (safeguarding items: its safeguarding officers) and admins. */
  async list(actor: AuthUser, consultationId: string | undefined, locale: LocaleCode = 'en'): Promise<ListResponse<Sanction>> {
    const reader = { id: actor.id, admin: isAdmin(actor), moderates: true };
    if (!consultationId) {
      if (!reader.admin) throw notAModerator();
      const rows: SanctionRow[] = await this.dataSource.query(`${sanctionSelect('$1')} ORDER BY s.created_at DESC, s.id LIMIT 500`, [
        locale,
      ]);
      return { items: rows.map((row) => presentSanction(row, reader)) };
    }
    const [moderates, safeguards] = await Promise.all([
      this.access.moderatesRound(actor, consultationId),
      this.access.safeguardsRound(actor, consultationId),
    ]);
    if (!moderates && !safeguards) throw notAModerator();
    const rows: SanctionRow[] = await this.dataSource.query(
      `${sanctionSelect('$2')} WHERE s.consultation_id = $1
         AND CASE WHEN c.id IS NOT NULL AND ${SAFEGUARDING_SQL} THEN $4::boolean ELSE $3::boolean END
       ORDER BY s.created_at DESC, s.id LIMIT 500`,
      [consultationId, locale, moderates, safeguards],
    );
    return { items: rows.map((row) => presentSanction(row, reader)) };
  }

  /**
   * Its person once it came into force (without who imposed it: a proposal nobody co-signed is not
   * theirs to hear of), those who may act on it, and admins; 404 to anyone else.
   */
  async get(actor: AuthUser, id: string, locale: LocaleCode = 'en'): Promise<Sanction> {
    const [row]: SanctionRow[] = await this.dataSource.query(`${sanctionSelect('$2')} WHERE s.id = $1`, [id, locale]);
    if (!row) throw sanctionNotFound();
    const moderates = await this.mayAct(actor, { consultationId: row.consultationId, safeguarding: row.safeguarding });
    if (!moderates && (row.userId !== actor.id || row.status !== 'in-force')) throw sanctionNotFound();
    return presentSanction(row, { id: actor.id, admin: isAdmin(actor), moderates });
  }

  async lift(admin: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.liftWithin(manager, id, admin.id)))
        throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.SANCTION_NOT_FOUND, 'No such sanction in force');
    });
  }

  /**
   * Lifts a sanction inside the caller's transaction (an admin, or an appeal that overturned it):
   * the record stays; one still awaiting its co-signature lapses. False when it was already lifted.
   */
  async liftWithin(manager: EntityManager, id: string, actorId: string, appealId?: string): Promise<boolean> {
    const [row] = rowsOf<{ userId: string; consultationId: string | null }>(
      await manager.query(
        `UPDATE sanction SET lifted_at = now(), lifted_by = $2, status = CASE WHEN status = 'awaiting-cosign' THEN 'lapsed' ELSE status END
         WHERE id = $1 AND lifted_at IS NULL RETURNING user_id AS "userId", consultation_id AS "consultationId"`,
        [id, actorId],
      ),
    );
    if (!row) return false;
    if (row.consultationId === null) {
      await manager.query(
        `UPDATE app_user SET suspended_until = (
           SELECT max(until) FROM sanction WHERE user_id = $1 AND consultation_id IS NULL AND status = 'in-force' AND lifted_at IS NULL AND until > now())
         WHERE id = $1`,
        [row.userId],
      );
    }
    await this.audit.record(manager, {
      actorId,
      action: 'sanction.lifted',
      targetType: 'sanction',
      targetId: id,
      details: appealId ? { appealId } : {},
    });
    return true;
  }

  /** Those who may act on a sanction: global — admins; in a round — its moderators (safeguarding items: its safeguarding officers) and admins. */
  async mayAct(actor: AuthUser, sanction: { consultationId: string | null; safeguarding: boolean }): Promise<boolean> {
    if (sanction.consultationId === null) return isAdmin(actor);
    return this.access.mayDecide(actor, { consultationId: sanction.consultationId, safeguarding: sanction.safeguarding });
  }

  /**
   * A sanction comes into force: a global one suspends the account and ends its sessions (the
   * caller announces them after commit); either way its person is notified (delivered after commit).
   */
  private async enforce(
    manager: EntityManager,
    sanction: { id: string; userId: string; consultationId: string | null; commentId: string | null; until: string },
  ): Promise<{ sessionIds: string[]; notification: string }> {
    let sessionIds: string[] = [];
    if (sanction.consultationId === null) {
      await manager.query(`UPDATE app_user SET suspended_until = GREATEST(COALESCE(suspended_until, $2), $2) WHERE id = $1`, [
        sanction.userId,
        sanction.until,
      ]);
      const revoked = rowsOf<{ id: string }>(
        await manager.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [
          sanction.userId,
        ]),
      );
      sessionIds = revoked.map((session) => session.id);
    }
    const notification = await this.notifications.create(manager, {
      userId: sanction.userId,
      kind: 'sanction',
      sanctionId: sanction.id,
      commentId: sanction.commentId,
    });
    return { sessionIds, notification };
  }

  private async facts(id: string): Promise<SanctionFacts | undefined> {
    const [row]: SanctionFacts[] = await this.dataSource.query(
      `SELECT s.id, s.user_id AS "userId", s.consultation_id AS "consultationId", COALESCE(s.consultation_id, c.consultation_id) AS "protectionRound",
              s.comment_id AS "commentId", (c.id IS NOT NULL AND ${SAFEGUARDING_SQL}) AS safeguarding, s.status,
              s.lifted_at IS NOT NULL AS lifted, s.until > now() AS live, s.created_by AS "createdBy",
              s.conflict_ties AS "conflictTies", ${isoTimestamp('s.until')} AS until,
              s.rule_code AS "ruleCode", s.rule_version AS "ruleVersion"
       FROM sanction s LEFT JOIN comment c ON c.id = s.comment_id WHERE s.id = $1`,
      [id],
    );
    return row;
  }
}
