import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  APPEAL_OVERDUE_DAYS,
  APPEAL_WINDOW_DAYS,
  ErrorCode,
  type Appeal,
  type AppealDecisionRequest,
  type AppealRequest,
  type ListResponse,
  type LocaleCode,
} from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { COMMENT_JOINS, commentColumns, presentComment, presentForModerator, type CommentRow } from '../comments/comment.presenter.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { ModerationAccessService, SAFEGUARDING_SQL } from './moderation-access.service.js';
import { ModerationDecisionsService, planTransition, type Applied } from './moderation-decisions.service.js';

interface AppealRow {
  id: string;
  decisionId: string;
  appellantId: string | null;
  text: string;
  outcome: 'upheld' | 'overturned' | null;
  outcomeReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  overdue: boolean;
  consultationId: string;
  commentId: string;
  safeguarding: boolean;
  decidedBy: string | null;
  cosignedBy: string | null;
}

const APPEAL_SELECT = `
  SELECT a.id, a.decision_id AS "decisionId", a.appellant_id AS "appellantId", a.text, a.outcome, a.outcome_reason AS "outcomeReason",
         ${isoTimestamp('a.created_at')} AS "createdAt", ${isoTimestamp('a.decided_at')} AS "decidedAt",
         (a.outcome IS NULL AND a.created_at < now() - make_interval(days => ${APPEAL_OVERDUE_DAYS})) AS overdue,
         d.consultation_id AS "consultationId", d.comment_id AS "commentId", ${SAFEGUARDING_SQL} AS safeguarding,
         d.decided_by AS "decidedBy", d.cosigned_by AS "cosignedBy"
  FROM appeal a JOIN moderation_decision d ON d.id = a.decision_id JOIN comment c ON c.id = d.comment_id`;

function appealNotFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.APPEAL_NOT_FOUND, 'No such appeal');
}

/**
 * Appeals: the author, once per decision, within 14 days. Decided by a moderator of the round or
 * an admin who neither made nor co-signed the decision (four eyes); overturning restores the
 * comment through a new decision that cites the appeal. The outcome is notified and audit-logged.
 */
@Injectable()
export class AppealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ModerationAccessService,
    private readonly decisions: ModerationDecisionsService,
    private readonly notifications: NotificationsService,
    private readonly threads: ThreadLogService,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async create(user: AuthUser, dto: AppealRequest, locale: LocaleCode = 'en'): Promise<Appeal> {
    await this.rateLimits.consume('appealsPerUser', user.id);
    const [decision]: Array<{ id: string; status: string; action: string; authorId: string | null; inWindow: boolean; superseded: boolean }> = await this.dataSource.query(
      `SELECT d.id, d.status, d.action, c.author_id AS "authorId",
              d.applied_at + make_interval(days => ${APPEAL_WINDOW_DAYS}) > now() AS "inWindow",
              EXISTS (SELECT 1 FROM moderation_decision later WHERE later.comment_id = d.comment_id AND later.status = 'applied' AND later.applied_at > d.applied_at) AS superseded
       FROM moderation_decision d JOIN comment c ON c.id = d.comment_id WHERE d.id = $1`,
      [dto.decisionId],
    );
    // Only the author can appeal; to anyone else the decision does not exist.
    if (!decision || decision.authorId !== user.id) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.DECISION_NOT_FOUND, 'No such decision');
    if (decision.status !== 'applied' || !['hide', 'reject'].includes(decision.action) || decision.superseded) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.NOT_APPEALABLE, 'Only a hide or reject decision that is still in force can be appealed');
    }
    if (!decision.inWindow) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.APPEAL_WINDOW_CLOSED, `Appeals are possible within ${APPEAL_WINDOW_DAYS} days of a decision`);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO appeal (decision_id, appellant_id, text) VALUES ($1, $2, $3) ON CONFLICT (decision_id) DO NOTHING RETURNING id`,
        [dto.decisionId, user.id, dto.text.trim()],
      );
      if (!row) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.APPEAL_EXISTS, 'This decision has already been appealed');
      await this.audit.record(manager, { actorId: user.id, action: 'appeal.filed', targetType: 'appeal', targetId: row.id, details: { decisionId: dto.decisionId } });
      return row.id;
    });
    return this.get(id, user, locale);
  }

  async decide(user: AuthUser, appealId: string, dto: AppealDecisionRequest, locale: LocaleCode = 'en'): Promise<Appeal> {
    const appeal = await this.load(appealId);
    if (!appeal) throw appealNotFound();
    await this.access.assertMayDecide(user, appeal);
    if (user.id === appeal.decidedBy || user.id === appeal.cosignedBy) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.ORIGINAL_DECIDER, 'You took part in the original decision; another moderator must decide this appeal');
    }
    const reason = dto.reason.trim();
    const outcome = await this.dataSource.transaction(async (manager): Promise<Applied> => {
      const [locked]: Array<{ outcome: string | null }> = await manager.query(`SELECT outcome FROM appeal WHERE id = $1 FOR UPDATE`, [appealId]);
      if (locked?.outcome) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.APPEAL_ALREADY_DECIDED, 'This appeal has already been decided');
      await manager.query(`UPDATE appeal SET outcome = $2, outcome_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`, [appealId, dto.outcome, reason, user.id]);
      let applied: Applied = { decisionId: appeal.decisionId, events: [], notifications: [] };
      if (dto.outcome === 'overturned') {
        const target = await this.decisions.loadTarget(appeal.commentId, manager, true);
        const transition = planTransition(target.status, false, false, 'restore');
        const [original]: Array<{ ruleCode: string; ruleVersion: number }> = await manager.query(
          `SELECT rule_code AS "ruleCode", rule_version AS "ruleVersion" FROM moderation_decision WHERE id = $1`,
          [appeal.decisionId],
        );
        // Restored through a decision of its own, citing the appeal (nothing to do if it was restored meanwhile).
        if (transition) {
          applied = await this.decisions.apply(manager, {
            target,
            action: 'restore',
            transition: { ...transition, notify: false },
            rule: { code: original!.ruleCode, version: original!.ruleVersion },
            reason,
            deciderId: user.id,
            appealId,
          });
        }
      }
      const notifications = appeal.appellantId ? [await this.notifications.create(manager, { userId: appeal.appellantId, kind: 'appeal.outcome', appealId, commentId: appeal.commentId })] : [];
      await this.audit.record(manager, { actorId: user.id, action: 'appeal.decided', targetType: 'appeal', targetId: appealId, details: { outcome: dto.outcome, decisionId: appeal.decisionId } });
      return { ...applied, notifications: [...applied.notifications, ...notifications] };
    });
    this.threads.announce(outcome.events satisfies ThreadDomainEvent[]);
    void this.notifications.deliver(outcome.notifications);
    return this.get(appealId, user, locale);
  }

  /** The appellant, the round's moderators and admins (safeguarding items: that role). */
  async get(appealId: string, user: AuthUser, locale: LocaleCode = 'en'): Promise<Appeal> {
    const appeal = await this.load(appealId);
    if (!appeal) throw appealNotFound();
    const moderates = appeal.safeguarding ? user.roles.includes('safeguarding') : await this.access.moderatesRound(user, appeal.consultationId);
    if (!moderates && appeal.appellantId !== user.id) throw appealNotFound();
    return this.present(appeal, user, moderates, locale);
  }

  async listForRound(user: AuthUser, consultationId: string, status: 'pending' | 'decided' | undefined, locale: LocaleCode = 'en'): Promise<ListResponse<Appeal>> {
    await this.access.assertModeratesRound(user, consultationId);
    const rows: AppealRow[] = await this.dataSource.query(
      `${APPEAL_SELECT} WHERE d.consultation_id = $1 AND NOT ${SAFEGUARDING_SQL}
         AND ($2::text IS NULL OR ($2 = 'pending') = (a.outcome IS NULL))
       ORDER BY (a.outcome IS NULL) DESC, a.created_at LIMIT 200`,
      [consultationId, status ?? null],
    );
    return { items: await Promise.all(rows.map((row) => this.present(row, user, true, locale))) };
  }

  private async load(appealId: string): Promise<AppealRow | undefined> {
    const [row]: AppealRow[] = await this.dataSource.query(`${APPEAL_SELECT} WHERE a.id = $1`, [appealId]);
    return row;
  }

  private async present(row: AppealRow, user: AuthUser, moderates: boolean, locale: LocaleCode): Promise<Appeal> {
    const [comment]: CommentRow[] = await this.dataSource.query(`SELECT ${commentColumns('$2::uuid')} FROM comment c ${COMMENT_JOINS} WHERE c.id = $1`, [row.commentId, user.id]);
    return {
      id: row.id,
      decisionId: row.decisionId,
      text: row.text,
      status: row.outcome ?? 'pending',
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
      outcomeReason: row.outcomeReason,
      overdue: row.overdue,
      decision: await this.decisions.get(row.decisionId, user, locale),
      comment: moderates ? presentForModerator(comment!) : presentComment(comment!, user.id),
      ...(moderates ? { readerIsOriginalDecider: user.id === row.decidedBy || user.id === row.cosignedBy } : {}),
    };
  }
}
