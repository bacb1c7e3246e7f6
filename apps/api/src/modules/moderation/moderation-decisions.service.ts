import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PAGE_LIMIT_DEFAULT,
  type Comment,
  type CommentModerationHistory,
  type ListResponse,
  type LocaleCode,
  type ModerationDecision,
  type ModerationQueue,
  type ModeratedRound,
  type QueueItem,
  type QueueSort,
} from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor.js';
import { presentComment, presentForModerator, type CommentRow } from '../comments/comment.presenter.js';
import { ModerationAccessService, notAModerator } from './moderation-access.service.js';
import { presentDecision } from './moderation-decision.presenter.js';
import { ModerationDecisionsRepository } from './moderation-decisions.repository.js';
import { decisionNotFound } from './moderation-rules.js';

/**
 * Queues and decisions as moderators read them. Every decision cites a rule and a reason and is
 * stored immutably; deciding is `DecideUseCase`, the second signature a conflict of interest calls
 * for is `CosignUseCase`, and both apply through `DecisionApplier`.
 */
@Injectable()
export class ModerationDecisionsService {
  constructor(
    private readonly repository: ModerationDecisionsRepository,
    private readonly access: ModerationAccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Rounds the reader moderates (admins: every round that is not a draft) or whose safeguarding
   * concerns they handle, with their open work — each count only where the reader may act.
   */
  async rounds(user: AuthUser): Promise<ListResponse<ModeratedRound>> {
    return { items: await this.repository.rounds(user) };
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
    if (safeguarding) {
      if (!(await this.repository.reachesSafeguardingQueue(user, scope.consultationId ?? null))) throw notAModerator();
      // Every look at the restricted queue is on the record.
      await this.repository.transaction((manager) =>
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
    const { rows, ranked } = await this.repository.queuePage({
      reader: user,
      safeguarding,
      consultationId: scope.consultationId ?? null,
      sort,
      cursor,
      limit,
    });
    const page = rows.slice(0, limit);
    const ids = page.map((row) => row.id);
    const parentIds = page.map((row) => row.parentId).filter((id): id is string => id !== null);
    const [flags, parents, awaiting, ties] = await Promise.all([
      ids.length ? this.repository.openFlags(ids) : [],
      parentIds.length ? this.repository.parents(parentIds, user.id) : [],
      ids.length ? this.repository.awaitingCosign(ids, locale) : [],
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
      nextCursor: rows.length > limit && last ? encodeCursor({ t: last.sortTime, id: last.id, ...(ranked ? { s: last.rank } : {}) }) : null,
    };
  }

  async list(user: AuthUser, consultationId: string, locale: LocaleCode = 'en'): Promise<ListResponse<ModerationDecision>> {
    await this.access.assertModeratesRound(user, consultationId);
    const rows = await this.repository.decisionsOfRound(consultationId, locale);
    return { items: rows.map((row) => presentDecision(row, user, true)) };
  }

  /** The comment's author, the round's moderators and admins (safeguarding items: that role) may read a decision. */
  async get(id: string, user: AuthUser, locale: LocaleCode = 'en'): Promise<ModerationDecision> {
    const row = await this.repository.findDecision(id, locale);
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
    const target = await this.repository.loadTarget(commentId);
    await this.access.assertMayDecide(user, target);
    const [flags, decisions] = await Promise.all([
      this.repository.flagHistory(commentId),
      this.repository.decisionsOfComment(commentId, locale),
    ]);
    return { commentId, flags, decisions: decisions.map((row) => presentDecision(row, user, true)) };
  }

  /** A moderator marks a published comment to be quoted in the round's report (or unmarks it). */
  async highlight(user: AuthUser, commentId: string, highlighted: boolean): Promise<{ commentId: string; highlighted: boolean }> {
    const target = await this.repository.loadTarget(commentId);
    await this.access.assertMayDecide(user, target);
    if (target.status !== 'published')
      throw new ApiException(
        HttpStatus.CONFLICT,
        ErrorCode.INVALID_STATUS_TRANSITION,
        'Only a published comment can be quoted in the report',
      );
    await this.repository.transaction(async (manager) => {
      await this.repository.setHighlighted(manager, commentId, highlighted);
      await this.audit.record(manager, {
        actorId: user.id,
        action: highlighted ? 'comment.highlighted' : 'comment.unhighlighted',
        targetType: 'comment',
        targetId: commentId,
      });
    });
    return { commentId, highlighted };
  }
}
