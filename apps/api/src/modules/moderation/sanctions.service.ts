import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
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
import { ApiException } from '../../core/errors/api.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { HouseRulesService } from './house-rules.service.js';
import { ModerationAccessService, NO_CONFLICT, notAModerator, type Conflict } from './moderation-access.service.js';
import { presentSanction } from './sanction.presenter.js';
import { SanctionsRepository } from './sanctions.repository.js';

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
    private readonly repository: SanctionsRepository,
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
      const comment = await this.repository.comment(dto.commentId);
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
        if (!(await this.repository.consultationExists(dto.consultationId)))
          throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.CONSULTATION_NOT_FOUND, 'No such consultation');
      }
      userId = dto.userId!;
      consultationId = global ? null : dto.consultationId!;
      protectionRound = consultationId;
    }
    if (userId === actor.id) throw invalid('userId', 'You cannot suspend yourself');
    const awaiting = until.getTime() - Date.now() > SANCTION_COSIGN_AFTER_DAYS * DAY_MS || conflict.conflicted;

    // Transaction, then side effects.
    const sessionIds: string[] = [];
    const created = await this.repository.transaction(async (manager) => {
      const target = await this.repository.lockTarget(manager, userId, protectionRound);
      if (!target) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such account');
      if (target.isProtected && !isAdmin(actor)) throw notAModerator();
      const id = await this.repository.insert(manager, {
        userId,
        until: until.toISOString(),
        ruleCode: rule.code,
        ruleVersion: rule.version,
        reason: dto.reason.trim(),
        commentId: dto.commentId ?? null,
        createdBy: actor.id,
        consultationId,
        status: awaiting ? 'awaiting-cosign' : 'in-force',
        conflictTies: conflict.conflicted ? conflict.ties : [],
      });
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
    const facts = await this.repository.facts(id);
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
    const notification = await this.repository.transaction(async (manager) => {
      const target = await this.repository.lockTarget(manager, facts.userId, facts.protectionRound);
      if (!target) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such account');
      if (target.isProtected && !isAdmin(actor)) throw notAModerator();
      if (!(await this.repository.markCosigned(manager, id, actor.id)))
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
      const rows = await this.repository.all(locale);
      return { items: rows.map((row) => presentSanction(row, reader)) };
    }
    const [moderates, safeguards] = await Promise.all([
      this.access.moderatesRound(actor, consultationId),
      this.access.safeguardsRound(actor, consultationId),
    ]);
    if (!moderates && !safeguards) throw notAModerator();
    const rows = await this.repository.ofRound(consultationId, locale, moderates, safeguards);
    return { items: rows.map((row) => presentSanction(row, reader)) };
  }

  /**
   * Its person once it came into force (without who imposed it: a proposal nobody co-signed is not
   * theirs to hear of), those who may act on it, and admins; 404 to anyone else.
   */
  async get(actor: AuthUser, id: string, locale: LocaleCode = 'en'): Promise<Sanction> {
    const row = await this.repository.find(id, locale);
    if (!row) throw sanctionNotFound();
    const moderates = await this.mayAct(actor, { consultationId: row.consultationId, safeguarding: row.safeguarding });
    if (!moderates && (row.userId !== actor.id || row.status !== 'in-force')) throw sanctionNotFound();
    return presentSanction(row, { id: actor.id, admin: isAdmin(actor), moderates });
  }

  async lift(admin: AuthUser, id: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      if (!(await this.liftWithin(manager, id, admin.id)))
        throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.SANCTION_NOT_FOUND, 'No such sanction in force');
    });
  }

  /**
   * Lifts a sanction inside the caller's transaction (an admin, or an appeal that overturned it):
   * the record stays; one still awaiting its co-signature lapses. False when it was already lifted.
   */
  async liftWithin(manager: EntityManager, id: string, actorId: string, appealId?: string): Promise<boolean> {
    const row = await this.repository.markLifted(manager, id, actorId);
    if (!row) return false;
    if (row.consultationId === null) await this.repository.recomputeSuspension(manager, row.userId);
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
      await this.repository.extendSuspension(manager, sanction.userId, sanction.until);
      sessionIds = await this.repository.revokeSessions(manager, sanction.userId);
    }
    const notification = await this.notifications.create(manager, {
      userId: sanction.userId,
      kind: 'sanction',
      sanctionId: sanction.id,
      commentId: sanction.commentId,
    });
    return { sessionIds, notification };
  }
}
