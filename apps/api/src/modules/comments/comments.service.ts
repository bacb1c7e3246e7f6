import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  COMMENT_MAX_DEPTH,
  ErrorCode,
  PAGE_LIMIT_DEFAULT,
  type Comment,
  type CommentPage,
  type CommentRevision,
  type CommentSort,
  type ListResponse,
  type ReactionKind,
} from '@compact-voices/contracts';
import { assertVerified } from '../../core/auth/assert-verified.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { renderMarkdown } from '../../core/content/markdown.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { ActingIdentityService } from '../accounts/acting-identity.service.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { presentComment, type CommentRow } from './comment.presenter.js';
import { CommentsRepository, type CommentInsert, type OwnComment } from './comments.repository.js';
import { ThreadPageCache } from './thread-page.cache.js';
import { PreparedJson } from '../../core/http/prepared-json.js';
import type { CreateCommentDto, ListCommentsQueryDto } from './dto/comment.dto.js';
import { AppConfig } from '../../config/app-config.js';
import { ModerationAccessService } from '../moderation/moderation-access.service.js';
import { WordFilterService } from '../moderation/word-filter.service.js';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor.js';
import { searchWords } from '../../core/content/search-words.js';

function commentNotFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
}

/**
 * Comments: validate → load → authorise → one transaction (write + thread event) → announce.
 * Nothing here knows about sockets; the realtime module listens to the announced events.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly repository: CommentsRepository,
    private readonly consultations: ConsultationsService,
    private readonly acting: ActingIdentityService,
    private readonly threads: ThreadLogService,
    private readonly rateLimits: RateLimitService,
    private readonly pages: ThreadPageCache,
    private readonly wordFilter: WordFilterService,
    private readonly config: AppConfig,
    private readonly access: ModerationAccessService,
  ) {}

  /** A thread page, ready to send: anonymous pages (and their compressed forms) come from the cache while the thread is unchanged. */
  async listPrepared(
    consultationId: string,
    code: string,
    query: ListCommentsQueryDto,
    viewer: AuthUser | undefined,
  ): Promise<PreparedJson> {
    if (viewer) {
      const { recommendationCode, lastSeq } = await this.consultations.thread(consultationId, code, viewer);
      return new PreparedJson(JSON.stringify({ ...(await this.page(recommendationCode, consultationId, query, viewer)), lastSeq }));
    }
    const scope = await this.consultations.threadForAnonymousRead(consultationId, code);
    const key = `${consultationId}/${scope.recommendationCode}/${query.sort ?? 'newest'}/${query.language ?? ''}/${query.limit ?? PAGE_LIMIT_DEFAULT}/${query.cursor ?? ''}`;
    return (
      this.pages.get(key, scope.lastSeq) ??
      this.pages.set(key, scope.lastSeq, {
        ...(await this.page(scope.recommendationCode, consultationId, query, undefined)),
        lastSeq: scope.lastSeq,
      })
    );
  }

  private async page(
    recommendationCode: string,
    consultationId: string,
    query: ListCommentsQueryDto,
    viewer: AuthUser | undefined,
  ): Promise<Omit<CommentPage, 'lastSeq'>> {
    const sort: CommentSort = query.sort ?? 'newest';
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const cursor = decodeCursor(query.cursor);
    const viewerId = viewer?.id ?? null;
    const roots = await this.repository.rootsPage({
      consultationId,
      recommendationCode,
      viewerId,
      sort,
      cursor,
      limit,
      language: query.language,
    });
    const page = roots.slice(0, limit);
    const replies = await this.repository.repliesOf(
      page.map((root) => root.id),
      viewerId,
    );
    const last = page.at(-1);
    return {
      items: threadOrder(page, replies).map((row) => presentComment(row, viewerId)),
      nextCursor:
        roots.length > limit && last
          ? encodeCursor({ t: last.sortTime, id: last.id, ...(sort === 'top' ? { s: last.agreeCount - last.disagreeCount } : {}) })
          : null,
    };
  }

  async search(consultationId: string, q: string, limit: number | undefined, viewer: AuthUser | undefined): Promise<ListResponse<Comment>> {
    await this.consultations.assertVisible(consultationId, viewer);
    const rows = await this.repository.search(consultationId, q, searchWords(q), viewer?.id ?? null, limit ?? PAGE_LIMIT_DEFAULT);
    return { items: rows.map((row) => presentComment(row, viewer?.id ?? null)) };
  }

  /**
   * With an Idempotency-Key (claimed by the interceptor), the response to replay is recorded in the
   * comment's own transaction: a comment never exists without it, so a retry after a crash at any
   * moment gets the original answer and never a second comment (fault suite: instance killed).
   */
  async create(consultationId: string, code: string, dto: CreateCommentDto, user: AuthUser, idempotencyKey?: string): Promise<Comment> {
    assertVerified(user);
    const body = dto.body.trim();
    const { moderationMode, recommendationCode } = await this.consultations.writableThread(consultationId, code, user, dto.countryIso3);
    const bodyHtml = renderMarkdown(body);
    const filtered = await this.wordFilter.check(bodyHtml);
    await this.rateLimits.consume('commentsPerUser', user.id);

    const id = randomUUID();
    // Held for a moderator: every comment of a pre-moderated round, a held term, or the first
    // comments of an account no verified organisation vouches for. A flagged term publishes but queues it.
    const heldReason =
      moderationMode === 'pre'
        ? 'pre-moderation'
        : filtered?.action === 'hold'
          ? 'word-filter'
          : (await this.isNewUnvouched(user))
            ? 'new-account'
            : null;
    const status = heldReason ? 'pending' : 'published';
    const queuedReason = heldReason ?? (filtered?.action === 'flag' ? 'word-filter' : null);
    const events: ThreadDomainEvent[] = [];
    const row = await this.repository.transaction(async (manager): Promise<CommentRow> => {
      const identity = await this.acting.resolve(user.id, dto.actingOrganisationId, manager);
      // The comment keeps the pseudonym of this protected period for good; edits keep it too.
      const authorPseudonym = identity.protected ? identity.pseudonym : null;
      let rootId: string = id;
      let depth = 0;
      if (dto.parentId) {
        const parent = await this.repository.findReplyParent(manager, dto.parentId, consultationId, recommendationCode);
        if (!parent) throw commentNotFound();
        if (parent.depth >= COMMENT_MAX_DEPTH) {
          throw new ApiException(
            HttpStatus.UNPROCESSABLE_ENTITY,
            ErrorCode.REPLY_TOO_DEEP,
            `Replies go ${COMMENT_MAX_DEPTH} levels deep; reply to an earlier comment`,
          );
        }
        rootId = parent.rootId;
        depth = parent.depth + 1;
      }
      const comment: CommentInsert = {
        id,
        consultationId,
        recommendationCode,
        parentId: dto.parentId ?? null,
        rootId,
        depth,
        authorId: user.id,
        authorStakeholderType: identity.stakeholderType,
        authorOrganisationId: identity.organisationId,
        authorCountryIso3: identity.countryIso3,
        authorProtected: identity.protected,
        authorPseudonym,
        countryIso3: dto.countryIso3 ?? null,
        stance: dto.stance ?? null,
        language: dto.language ?? null,
        body,
        bodyHtml,
        status,
        queuedReason,
      };
      const createdAt = await this.repository.insert(manager, comment);
      if (createdAt === undefined)
        throw new ApiException(HttpStatus.CONFLICT, ErrorCode.DUPLICATE_COMMENT, 'You posted the same text a moment ago');
      // Everything the presenter needs is at hand: what was inserted, plus what a new comment starts with. No read-back query.
      const created: CommentRow = {
        ...comment,
        createdAt,
        editedAt: null,
        agreeCount: 0,
        disagreeCount: 0,
        authorAnonymised: false,
        organisationId: identity.organisationId,
        organisationName: identity.organisationName,
        organisationVerified: identity.organisationVerified,
        displayName: identity.displayName,
        authorStatus: 'active',
        myReaction: null,
        moderationRule: null,
        moderatedAt: null,
      };
      // Before the thread's sequence lock is taken, so that lock is held no longer than it must be.
      if (idempotencyKey) {
        await this.repository.recordIdempotentResponse(manager, user.id, idempotencyKey, JSON.stringify(presentComment(created, user.id)));
      }
      if (status === 'published') {
        const event = await this.threads.append(manager, { consultationId, recommendationCode, type: 'comment.created', commentId: id });
        events.push({ ...event, payload: presentComment(created, null) });
      }
      return created;
    });
    this.threads.announce(events);
    return presentComment(row, user.id);
  }

  /**
   * Edits are moderated like posts. Where a new comment would wait for a moderator — a
   * pre-moderated round, an account whose comments are held, a held term — an edit of a published
   * comment waits too: the published text stays, the author (and moderators) see the edit pending.
   * An edit that publishes at once goes back to the queue when the comment was ever reported or
   * decided on, or brings in a flagged term. The replaced text joins the comment's history, which
   * only its author and moderators can read.
   */
  async update(id: string, body: string, user: AuthUser): Promise<Comment> {
    const text = body.trim();
    const bodyHtml = renderMarkdown(text);
    const filtered = await this.wordFilter.check(bodyHtml);
    // Outside the transaction: the embedded database has a single connection.
    const heldAuthor = await this.isNewUnvouched(user);
    const events: ThreadDomainEvent[] = [];
    await this.repository.transaction(async (manager) => {
      const comment = await this.lockOwn(manager, id, user);
      if (!['published', 'pending'].includes(comment.status)) throw commentNotFound();
      const { moderationMode } = await this.consultations.writableThread(
        comment.consultationId,
        comment.recommendationCode,
        user,
        undefined,
        manager,
      );
      const waiting = comment.pendingBody !== null;
      if (text === (waiting ? comment.pendingBody : comment.body)) return;
      if (comment.status === 'pending') {
        // Nobody but the author and the moderators has seen it: the text under review is replaced (and the moderator's view moves on).
        await this.repository.insertRevision(manager, id, comment.body, comment.bodyHtml);
        await this.repository.replaceText(manager, id, text, bodyHtml);
        return;
      }
      if (text === comment.body) {
        // Back to what is published: the waiting edit is withdrawn, and with it the review it asked for.
        await this.repository.withdrawPendingEdit(manager, id);
        return;
      }
      if (moderationMode === 'pre' || heldAuthor || filtered?.action === 'hold') {
        await this.repository.holdEdit(manager, id, text, bodyHtml, filtered?.action === 'hold' ? 'word-filter' : 'edit');
        return;
      }
      await this.repository.insertRevision(manager, id, comment.body, comment.bodyHtml);
      const requeue = filtered?.action === 'flag' || comment.everReviewed;
      await this.repository.publishEdit(manager, id, {
        body: text,
        bodyHtml,
        requeue,
        heldReason: filtered?.action === 'flag' ? 'word-filter' : 'edit',
      });
      events.push(
        await this.threads.append(manager, {
          consultationId: comment.consultationId,
          recommendationCode: comment.recommendationCode,
          type: 'comment.updated',
          commentId: id,
        }),
      );
    });
    this.threads.announce(events);
    return this.get(id, user);
  }

  /** Earlier versions of a comment, newest first: its author and those who may moderate it only (the public sees "edited"). */
  async revisions(id: string, user: AuthUser): Promise<ListResponse<CommentRevision>> {
    const comment = await this.repository.revisionSubject(id);
    if (!comment || comment.status === 'deleted') throw commentNotFound();
    if (comment.authorId !== user.id && !(await this.access.mayDecide(user, comment))) throw commentNotFound();
    const items = await this.repository.revisionsOf(id);
    return { items };
  }

  /** The author's delete: the text and its history go; a tombstone keeps the thread's shape and replies. */
  async remove(id: string, user: AuthUser): Promise<void> {
    const events: ThreadDomainEvent[] = [];
    await this.repository.transaction(async (manager) => {
      const comment = await this.lockOwn(manager, id, user);
      if (comment.status === 'deleted') return;
      await this.consultations.writableThread(comment.consultationId, comment.recommendationCode, user, undefined, manager);
      await this.repository.deleteRevisions(manager, id);
      await this.repository.markDeleted(manager, id);
      if (comment.status === 'published') {
        events.push(
          await this.threads.append(manager, {
            consultationId: comment.consultationId,
            recommendationCode: comment.recommendationCode,
            type: 'comment.removed',
            commentId: id,
          }),
        );
      }
    });
    this.threads.announce(events);
  }

  /** One reaction per person and comment; counts kept on the comment in the same transaction. */
  async react(id: string, kind: ReactionKind | null, user: AuthUser): Promise<Comment['reactions']> {
    assertVerified(user);
    const events: ThreadDomainEvent[] = [];
    const reactions = await this.repository.transaction(async (manager) => {
      const comment = await this.repository.lockPublished(manager, id);
      if (!comment) throw commentNotFound();
      await this.consultations.writableThread(comment.consultationId, comment.recommendationCode, user, undefined, manager);
      const previous = await this.repository.deleteReaction(manager, id, user.id);
      if (kind) await this.repository.insertReaction(manager, id, user.id, kind);
      const delta = (k: ReactionKind) => (kind === k ? 1 : 0) - (previous === k ? 1 : 0);
      const counts = await this.repository.adjustReactionCounts(manager, id, delta('agree'), delta('disagree'));
      if (previous !== (kind ?? undefined)) {
        events.push(await this.threads.append(manager, { ...comment, type: 'reactions.updated', commentId: id }));
      }
      return { agree: counts.agree, disagree: counts.disagree, mine: kind };
    });
    this.threads.announce(events);
    return reactions;
  }

  /** One comment as `viewer` sees it (404 when they may not see it). */
  async get(id: string, viewer: AuthUser | undefined, manager?: EntityManager): Promise<Comment> {
    const row = await this.repository.findVisible(id, viewer?.id ?? null, isAdmin(viewer), manager);
    if (!row) throw commentNotFound();
    return presentComment(row, viewer?.id ?? null);
  }

  /** Public view of a comment for live events and replays: published or a tombstone, never pending. */
  async publicView(id: string): Promise<Comment | undefined> {
    return (await this.publicViews([id])).get(id);
  }

  /** As publicView, for many comments in one query (a replay page renders with this). */
  async publicViews(ids: readonly string[]): Promise<Map<string, Comment>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repository.publicRows([...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, presentComment(row, null)]));
  }

  /**
   * An account is "new and unvouched" while it has fewer than NEW_ACCOUNT_HELD_COMMENTS published
   * comments and no active membership of a verified organisation; moderators and admins never are.
   */
  private async isNewUnvouched(user: AuthUser): Promise<boolean> {
    const held = this.config.moderation.newAccountHeldComments;
    if (held === 0 || user.roles.some((role) => role !== 'participant')) return false;
    return this.repository.isNewUnvouched(user.id, held);
  }

  /** Someone else's comment answers exactly like a missing one. */
  private async lockOwn(manager: EntityManager, id: string, user: AuthUser): Promise<OwnComment> {
    const comment = await this.repository.lockOwn(manager, id, user.id);
    if (!comment) throw commentNotFound();
    return comment;
  }
}

/** Roots in page order, each followed by its replies depth-first in time order. */
function threadOrder<T extends { id: string; parentId: string | null }>(roots: T[], replies: T[]): T[] {
  const children = new Map<string, T[]>();
  for (const reply of replies) {
    const list = children.get(reply.parentId!) ?? [];
    list.push(reply);
    children.set(reply.parentId!, list);
  }
  const out: T[] = [];
  const visit = (node: T) => {
    out.push(node);
    for (const child of children.get(node.id) ?? []) visit(child);
  };
  roots.forEach(visit);
  return out;
}
