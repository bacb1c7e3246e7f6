import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ModerationAction } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { ModerationDecisionsRepository } from './moderation-decisions.repository.js';
import { DecisionConflict, type DecisionTarget, type Transition } from './moderation-rules.js';

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

/**
 * Applies a decision to its comment — a decision made outright, a co-signed proposal, or the
 * restoring decision of an overturned appeal — and keeps the record of decisions that lost a race.
 */
@Injectable()
export class DecisionApplier {
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly repository: ModerationDecisionsRepository,
    private readonly threads: ThreadLogService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Applies a decision inside the caller's transaction: the comment changes only if it is still at
   * the version the decision was made against (otherwise DecisionConflict rolls everything back).
   */
  async apply(manager: EntityManager, input: ApplyInput): Promise<Applied> {
    const { target, transition, rule } = input;
    const applyEdit = transition.edit === 'apply';
    // The text being replaced joins the history its author and the moderators can read.
    if (applyEdit) await this.repository.insertRevision(manager, target);
    // Every decision settles a waiting edit: approving publishes it, anything else drops it.
    const updated = await this.repository.updateComment(manager, target, transition.to, rule.code, applyEdit && target.pendingEdit);
    if (!updated) throw new DecisionConflict();
    await this.repository.resolveFlags(manager, target.id);
    let decisionId: string;
    if (input.awaiting) {
      await this.repository.markCosigned(manager, input.awaiting.decisionId, input.awaiting.cosignerId);
      decisionId = input.awaiting.decisionId;
    } else {
      decisionId = await this.repository.insertApplied(manager, {
        target,
        action: input.action,
        rule,
        reason: input.reason,
        deciderId: input.deciderId,
        appealId: input.appealId ?? null,
      });
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

  /** After the transaction committed: live clients see the change, the author hears of it. */
  publish(applied: Applied): void {
    this.threads.announce(applied.events);
    void this.notifications.deliver(applied.notifications);
  }

  /** Of two moderators acting on one comment at once, the losing attempt is on the record too. */
  async recordConflict(actorId: string, commentId: string, action: ModerationAction): Promise<void> {
    await this.repository.transaction((manager) =>
      this.audit.record(manager, {
        actorId,
        action: 'moderation.decision_conflict',
        targetType: 'comment',
        targetId: commentId,
        details: { action },
      }),
    );
  }
}
