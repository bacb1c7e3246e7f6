import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, type ListResponse, type Sanction, type SanctionRequest } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { announceSessionsRevoked } from '../../core/auth/session-events.js';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { FORMER_PARTICIPANT, authorNameSql } from '../comments/author-label.js';
import { isAdmin } from '../consultations/consultations.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { HouseRulesService } from './house-rules.service.js';
import { ModerationAccessService, notAModerator } from './moderation-access.service.js';

const MAX_SUSPENSION_DAYS = 3_650;

/**
 * Who was suspended, as admins see it: for a suspension over a comment, its author as that comment
 * reads (never their name beside a protected comment, never a pseudonym of a later period); for one
 * an admin imposed on an account, the account's name, as the admin pages show it.
 */
const SANCTION_SELECT = `
  SELECT s.id, ${isoTimestamp('s.until')} AS until, s.rule_code AS "ruleCode", s.reason, ${isoTimestamp('s.created_at')} AS "createdAt",
         ${isoTimestamp('s.lifted_at')} AS "liftedAt",
         CASE WHEN s.comment_id IS NOT NULL THEN ${authorNameSql({ comment: 'sc', author: 'u' })}
              WHEN u.status <> 'active' THEN '${FORMER_PARTICIPANT}'
              ELSE u.display_name END AS "displayName"
  FROM sanction s JOIN app_user u ON u.id = s.user_id LEFT JOIN comment sc ON sc.id = s.comment_id`;

type SanctionRow = Omit<Sanction, 'user'> & { displayName: string };

function invalid(field: string, message: string): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, message, [{ field, reason: 'invalid', message }]);
}

/**
 * Suspensions until a date, under a rule, with a reason. The account's sessions end at once, so
 * its sockets are disconnected on every instance within moments (WS-07) and no token it holds
 * works any more; it cannot sign in until the date. A round's moderators suspend the author of a
 * comment in their round without ever learning who that is; admins may also name an account.
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

  async create(actor: AuthUser, dto: SanctionRequest): Promise<Sanction> {
    if (Boolean(dto.commentId) === Boolean(dto.userId)) throw invalid('commentId', 'Give exactly one of commentId and userId');
    const until = new Date(dto.until);
    if (!(until.getTime() > Date.now())) throw invalid('until', 'until must be in the future');
    if (until.getTime() > Date.now() + MAX_SUSPENSION_DAYS * 86_400_000) throw invalid('until', `A suspension lasts at most ${MAX_SUSPENSION_DAYS} days`);
    const rule = await this.rules.inForce(dto.ruleCode);
    let userId: string;
    if (dto.commentId) {
      const [comment]: Array<{ authorId: string | null; consultationId: string }> = await this.dataSource.query(
        `SELECT author_id AS "authorId", consultation_id AS "consultationId" FROM comment WHERE id = $1`,
        [dto.commentId],
      );
      if (!comment) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
      await this.access.assertModeratesRound(actor, comment.consultationId);
      if (!comment.authorId) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'The author’s account no longer exists');
      userId = comment.authorId;
    } else {
      if (!isAdmin(actor)) throw notAModerator();
      userId = dto.userId!;
    }
    if (userId === actor.id) throw invalid('userId', 'You cannot suspend yourself');
    const sessionIds: string[] = [];
    const created = await this.dataSource.transaction(async (manager) => {
      const [target]: Array<{ roles: string[] }> = await manager.query(`SELECT roles FROM app_user WHERE id = $1 AND status = 'active' FOR UPDATE`, [userId]);
      if (!target) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such account');
      if (target.roles.includes('admin') && !isAdmin(actor)) throw notAModerator();
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO sanction (user_id, until, rule_code, rule_version, reason, comment_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [userId, until.toISOString(), rule.code, rule.version, dto.reason.trim(), dto.commentId ?? null, actor.id],
      );
      await manager.query(`UPDATE app_user SET suspended_until = GREATEST(COALESCE(suspended_until, $2), $2) WHERE id = $1`, [userId, until.toISOString()]);
      const revoked = rowsOf<{ id: string }>(
        await manager.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId]),
      );
      sessionIds.push(...revoked.map((session) => session.id));
      const notification = await this.notifications.create(manager, { userId, kind: 'sanction', sanctionId: row!.id, commentId: dto.commentId ?? null });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'sanction.imposed',
        targetType: 'user',
        targetId: userId,
        details: { sanctionId: row!.id, until: until.toISOString(), ruleCode: rule.code, ruleVersion: rule.version, ...(dto.commentId ? { commentId: dto.commentId } : {}) },
      });
      return { id: row!.id, notification };
    });
    announceSessionsRevoked(this.emitter, sessionIds);
    void this.notifications.deliver([created.notification]);
    return this.present((await this.rows(`WHERE s.id = $1`, [created.id]))[0]!, isAdmin(actor));
  }

  async list(): Promise<ListResponse<Sanction>> {
    return { items: (await this.rows(`ORDER BY s.created_at DESC LIMIT 500`, [])).map((row) => this.present(row, true)) };
  }

  async lift(admin: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = rowsOf<{ userId: string }>(
        await manager.query(`UPDATE sanction SET lifted_at = now(), lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL RETURNING user_id AS "userId"`, [id, admin.id]),
      );
      if (!row) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.SANCTION_NOT_FOUND, 'No such sanction in force');
      await manager.query(
        `UPDATE app_user SET suspended_until = (SELECT max(until) FROM sanction WHERE user_id = $1 AND lifted_at IS NULL AND until > now()) WHERE id = $1`,
        [row.userId],
      );
      await this.audit.record(manager, { actorId: admin.id, action: 'sanction.lifted', targetType: 'user', targetId: row.userId, details: { sanctionId: id } });
    });
  }

  private rows(where: string, params: unknown[]): Promise<SanctionRow[]> {
    return this.dataSource.query(`${SANCTION_SELECT} ${where}`, params);
  }

  private present({ displayName, ...sanction }: SanctionRow, admin: boolean): Sanction {
    return { ...sanction, ...(admin ? { user: { displayName } } : {}) };
  }
}
