import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, type LocaleCode, type ModerationDecision } from '@compact-voices/contracts';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { DecisionApplier, type Applied } from './decision-applier.js';
import { ModerationAccessService } from './moderation-access.service.js';
import { ModerationDecisionsRepository } from './moderation-decisions.repository.js';
import { ModerationDecisionsService } from './moderation-decisions.service.js';
import { DecisionConflict, decisionNotFound, planTransition } from './moderation-rules.js';

/**
 * The second signature on a conflicted decision: a moderator without the proposer's ties (or an
 * admin) applies it, unless the comment changed meanwhile.
 */
@Injectable()
export class CosignUseCase {
  constructor(
    private readonly repository: ModerationDecisionsRepository,
    private readonly access: ModerationAccessService,
    private readonly applier: DecisionApplier,
    private readonly decisions: ModerationDecisionsService,
  ) {}

  async execute(user: AuthUser, decisionId: string, locale: LocaleCode = 'en'): Promise<ModerationDecision> {
    const decision = await this.repository.cosignCandidate(decisionId);
    if (!decision) throw decisionNotFound();
    const target = await this.repository.loadTarget(decision.commentId);
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
      outcome = await this.repository.transaction(async (manager) => {
        const status = await this.repository.lockDecisionStatus(manager, decisionId);
        if (status !== 'awaiting-cosign' || !transition || target.version !== decision.commentVersion) throw new DecisionConflict();
        return this.applier.apply(manager, {
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
      await this.repository.lapseAwaiting(decisionId);
      await this.applier.recordConflict(user.id, target.id, decision.action);
      throw error;
    }
    this.applier.publish(outcome);
    return this.decisions.get(decisionId, user, locale);
  }
}
