import { HttpStatus, Injectable } from '@nestjs/common';
import {
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
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { presentComment, presentForModerator } from '../comments/comment.presenter.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { AppealsRepository, type AppealRow } from './appeals.repository.js';
import { ModerationAccessService, notAModerator } from './moderation-access.service.js';
import { DecisionApplier, type Applied } from './decision-applier.js';
import { ModerationDecisionsRepository } from './moderation-decisions.repository.js';
import { ModerationDecisionsService } from './moderation-decisions.service.js';
import { planTransition } from './moderation-rules.js';
import { SanctionsService, sanctionNotFound } from './sanctions.service.js';

function appealNotFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.APPEAL_NOT_FOUND, 'No such appeal');
}

/** Never says why: not the tie, not the country, not that the appellant is the reader. */
function conflictOfInterest(): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, ErrorCode.CONFLICT_OF_INTEREST, 'Another moderator must decide this appeal');
}

/**
 * Appeals, once each, within 14 days: of a decision on your comment (by its author), or of a
 * sanction against you while it is in force (by its person). Decided by someone who may act in the
 * round (a global sanction: an admin) and who neither made nor co-signed what is appealed (four
 * eyes), nor has a conflict of interest with the comment concerned. Overturning a decision restores
 * the comment through a new decision that cites the appeal; overturning a sanction lifts it. The
 * outcome is notified and audit-logged.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly repository: AppealsRepository,
    private readonly access: ModerationAccessService,
    private readonly decisions: ModerationDecisionsService,
    private readonly decisionsRepository: ModerationDecisionsRepository,
    private readonly applier: DecisionApplier,
    private readonly sanctions: SanctionsService,
    private readonly notifications: NotificationsService,
    private readonly threads: ThreadLogService,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async create(user: AuthUser, dto: AppealRequest, locale: LocaleCode = 'en'): Promise<Appeal> {
    if (Boolean(dto.decisionId) === Boolean(dto.sanctionId)) {
      const message = 'Give exactly one of decisionId and sanctionId';
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, message, [
        { field: 'decisionId', reason: 'invalid', message },
      ]);
    }
    await this.rateLimits.consume('appealsPerUser', user.id);
    const id = dto.sanctionId
      ? await this.fileAgainstSanction(user, dto.sanctionId, dto.text)
      : await this.fileAgainstDecision(user, dto.decisionId!, dto.text);
    return this.get(id, user, locale);
  }

  async decide(user: AuthUser, appealId: string, dto: AppealDecisionRequest, locale: LocaleCode = 'en'): Promise<Appeal> {
    const appeal = await this.load(appealId);
    if (!appeal) throw appealNotFound();
    // A safeguarding item stays unknown to everyone but its officers.
    if (!(await this.mayAct(user, appeal))) throw appeal.safeguarding ? appealNotFound() : notAModerator();
    if (user.id === appeal.decidedBy || user.id === appeal.cosignedBy) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        ErrorCode.ORIGINAL_DECIDER,
        'You took part in the original decision; another moderator must decide this appeal',
      );
    }
    if (user.id === appeal.appellantId) throw conflictOfInterest();
    if (appeal.commentId && (await this.access.conflict(user, appeal.commentId)).conflicted) throw conflictOfInterest();
    const reason = dto.reason.trim();
    const outcome = await this.repository.transaction(async (manager): Promise<Applied> => {
      if (await this.repository.lockOutcome(manager, appealId))
        throw new ApiException(HttpStatus.CONFLICT, ErrorCode.APPEAL_ALREADY_DECIDED, 'This appeal has already been decided');
      await this.repository.recordOutcome(manager, appealId, dto.outcome, reason, user.id);
      let applied: Applied = { decisionId: appeal.decisionId ?? '', events: [], notifications: [] };
      if (dto.outcome === 'overturned' && appeal.sanctionId) {
        // Lifted (the record stays); nothing to do if an admin lifted it meanwhile.
        await this.sanctions.liftWithin(manager, appeal.sanctionId, user.id, appealId);
      } else if (dto.outcome === 'overturned' && appeal.decisionId && appeal.commentId) {
        const target = await this.decisionsRepository.loadTarget(appeal.commentId, manager, true);
        const transition = planTransition(target.status, false, false, 'restore');
        const original = await this.repository.originalRule(manager, appeal.decisionId);
        // Restored through a decision of its own, citing the appeal (nothing to do if it was restored meanwhile).
        if (transition) {
          applied = await this.applier.apply(manager, {
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
      const notifications = appeal.appellantId
        ? [
            await this.notifications.create(manager, {
              userId: appeal.appellantId,
              kind: 'appeal.outcome',
              appealId,
              commentId: appeal.commentId,
              sanctionId: appeal.sanctionId,
            }),
          ]
        : [];
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'appeal.decided',
        targetType: 'appeal',
        targetId: appealId,
        details: { outcome: dto.outcome, ...(appeal.sanctionId ? { sanctionId: appeal.sanctionId } : { decisionId: appeal.decisionId }) },
      });
      return { ...applied, notifications: [...applied.notifications, ...notifications] };
    });
    this.threads.announce(outcome.events satisfies ThreadDomainEvent[]);
    void this.notifications.deliver(outcome.notifications);
    return this.get(appealId, user, locale);
  }

  /** The appellant, and those who may decide it (see `mayAct`); 404 to anyone else. */
  async get(appealId: string, user: AuthUser, locale: LocaleCode = 'en'): Promise<Appeal> {
    const appeal = await this.load(appealId);
    if (!appeal) throw appealNotFound();
    const moderates = await this.mayAct(user, appeal);
    if (!moderates && appeal.appellantId !== user.id) throw appealNotFound();
    return this.present(appeal, user, moderates, locale);
  }

  /** A round's appeals, of decisions and of its sanctions (safeguarding items excepted: they are that role's). */
  async listForRound(
    user: AuthUser,
    consultationId: string,
    status: 'pending' | 'decided' | undefined,
    locale: LocaleCode = 'en',
  ): Promise<ListResponse<Appeal>> {
    await this.access.assertModeratesRound(user, consultationId);
    const rows = await this.repository.ofRound(consultationId, status ?? null);
    return { items: await Promise.all(rows.map((row) => this.present(row, user, true, locale))) };
  }

  private async fileAgainstDecision(user: AuthUser, decisionId: string, text: string): Promise<string> {
    const decision = await this.repository.appealableDecision(decisionId);
    // Only the author can appeal; to anyone else the decision does not exist.
    if (!decision || decision.authorId !== user.id)
      throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.DECISION_NOT_FOUND, 'No such decision');
    if (decision.status !== 'applied' || !['hide', 'reject'].includes(decision.action) || decision.superseded) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        ErrorCode.NOT_APPEALABLE,
        'Only a hide or reject decision that is still in force can be appealed',
      );
    }
    if (!decision.inWindow)
      throw new ApiException(
        HttpStatus.CONFLICT,
        ErrorCode.APPEAL_WINDOW_CLOSED,
        `Appeals are possible within ${APPEAL_WINDOW_DAYS} days of a decision`,
      );
    return this.repository.transaction(async (manager) => {
      const id = await this.repository.insertForDecision(manager, decisionId, user.id, text.trim());
      if (!id) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.APPEAL_EXISTS, 'This decision has already been appealed');
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'appeal.filed',
        targetType: 'appeal',
        targetId: id,
        details: { decisionId },
      });
      return id;
    });
  }

  /** Its person only (404 to anyone else), once, within 14 days of it coming into force, while it is in force. */
  private async fileAgainstSanction(user: AuthUser, sanctionId: string, text: string): Promise<string> {
    const sanction = await this.repository.appealableSanction(sanctionId);
    if (!sanction || sanction.userId !== user.id) throw sanctionNotFound();
    if (!sanction.inForce)
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.NOT_APPEALABLE, 'Only a sanction in force can be appealed');
    if (!sanction.inWindow)
      throw new ApiException(
        HttpStatus.CONFLICT,
        ErrorCode.APPEAL_WINDOW_CLOSED,
        `Appeals are possible within ${APPEAL_WINDOW_DAYS} days of a sanction`,
      );
    return this.repository.transaction(async (manager) => {
      const id = await this.repository.insertForSanction(manager, sanctionId, user.id, text.trim());
      if (!id) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.APPEAL_EXISTS, 'This sanction has already been appealed');
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'appeal.filed',
        targetType: 'appeal',
        targetId: id,
        details: { sanctionId },
      });
      return id;
    });
  }

  /**
   * Who may decide (and read) an appeal besides its appellant: the round's moderators and admins
   * (safeguarding items: the round's safeguarding officers); a global sanction's: admins.
   */
  private async mayAct(user: AuthUser, appeal: AppealRow): Promise<boolean> {
    if (appeal.sanctionId) return this.sanctions.mayAct(user, appeal);
    return this.access.mayDecide(user, { consultationId: appeal.consultationId!, safeguarding: appeal.safeguarding });
  }

  private load(appealId: string): Promise<AppealRow | undefined> {
    return this.repository.find(appealId);
  }

  private async present(row: AppealRow, user: AuthUser, moderates: boolean, locale: LocaleCode): Promise<Appeal> {
    const comment = row.commentId ? await this.repository.comment(row.commentId, user.id) : undefined;
    return {
      id: row.id,
      decisionId: row.decisionId,
      sanctionId: row.sanctionId,
      text: row.text,
      status: row.outcome ?? 'pending',
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
      outcomeReason: row.outcomeReason,
      overdue: row.overdue,
      decision: row.decisionId ? await this.decisions.get(row.decisionId, user, locale) : null,
      sanction: row.sanctionId ? await this.sanctions.get(user, row.sanctionId, locale) : null,
      comment: comment ? (moderates ? presentForModerator(comment) : presentComment(comment, user.id)) : null,
      ...(moderates ? { readerIsOriginalDecider: user.id === row.decidedBy || user.id === row.cosignedBy } : {}),
    };
  }
}
