import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, type DecisionRequest, type LocaleCode, type ModerationDecision } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { DecisionApplier, type Applied } from './decision-applier.js';
import { HouseRulesService } from './house-rules.service.js';
import { ModerationAccessService } from './moderation-access.service.js';
import { ModerationDecisionsRepository, isUniqueViolation } from './moderation-decisions.repository.js';
import { ModerationDecisionsService } from './moderation-decisions.service.js';
import { DecisionConflict, planTransition } from './moderation-rules.js';

/**
 * A moderator decides on a comment. Every decision cites a rule and a reason, is stored immutably,
 * and is applied under an optimistic lock on the comment's version: of two moderators acting at
 * once one wins and the other gets one 409 (both attempts are in the audit log). A moderator with a
 * government tie to the comment's country proposes; a second moderator without that tie (or an
 * admin) co-signs before anything changes (`CosignUseCase`).
 */
@Injectable()
export class DecideUseCase {
  constructor(
    private readonly repository: ModerationDecisionsRepository,
    private readonly access: ModerationAccessService,
    private readonly rules: HouseRulesService,
    private readonly applier: DecisionApplier,
    private readonly decisions: ModerationDecisionsService,
    private readonly audit: AuditService,
  ) {}

  async execute(user: AuthUser, dto: DecisionRequest, locale: LocaleCode = 'en'): Promise<ModerationDecision> {
    const rule = await this.rules.inForce(dto.ruleCode);
    const target = await this.repository.loadTarget(dto.commentId);
    await this.access.assertMayDecide(user, target);
    if (dto.expectedVersion !== undefined && dto.expectedVersion !== target.version) {
      await this.applier.recordConflict(user.id, target.id, dto.action);
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
      outcome = await this.repository.transaction(async (manager) => {
        const waiting = await this.repository.lockWaitingProposal(manager, target.id);
        if (waiting) {
          // A conflicted moderator cannot replace a proposal; anyone else deciding outright lets it lapse.
          if (conflict.conflicted) throw new DecisionConflict();
          await this.repository.lapse(manager, waiting.id);
        }
        if (conflict.conflicted) {
          const decisionId = await this.repository.insertProposal(manager, {
            target,
            action: dto.action,
            rule,
            reason: dto.reason,
            deciderId: user.id,
            conflict,
          });
          // The log names the country only where the decision may (never for a protected author).
          await this.audit.record(manager, {
            actorId: user.id,
            action: 'moderation.decision_proposed',
            targetType: 'comment',
            targetId: target.id,
            details: {
              decisionId,
              action: dto.action,
              ruleCode: rule.code,
              ruleVersion: rule.version,
              conflictCountryIso3: conflict.disclosedCountry,
            },
          });
          return { decisionId, events: [], notifications: [] };
        }
        return this.applier.apply(manager, { target, action: dto.action, transition, rule, reason: dto.reason, deciderId: user.id });
      });
    } catch (error) {
      if (error instanceof DecisionConflict || isUniqueViolation(error, 'moderation_decision_awaiting_key')) {
        await this.applier.recordConflict(user.id, target.id, dto.action);
        throw new DecisionConflict();
      }
      throw error;
    }
    this.applier.publish(outcome);
    return this.decisions.get(outcome.decisionId, user, locale);
  }
}
