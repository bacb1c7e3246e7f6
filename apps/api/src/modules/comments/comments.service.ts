import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  COMMENT_MAX_DEPTH,
  ErrorCode,
  PAGE_LIMIT_DEFAULT,
  type Comment,
  type CommentPage,
  type CommentRevision,
  type CommentSort,
  type CommentStatus,
  type ListResponse,
  type ReactionKind,
} from '@compact-voices/contracts';
import { assertVerified } from '../../core/auth/assert-verified.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { renderMarkdown } from '../../core/content/markdown.js';
import { rowsOf } from '../../core/database/query-result.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { ActingIdentityService } from '../accounts/acting-identity.service.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { COMMENT_JOINS, commentColumns, presentComment, type CommentRow } from './comment.presenter.js';
import { ThreadPageCache } from './thread-page.cache.js';
import { PreparedJson } from '../../core/http/prepared-json.js';
import type { CreateCommentDto, ListCommentsQueryDto } from './dto/comment.dto.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { AppConfig } from '../../config/app-config.js';
import { ModerationAccessService, SAFEGUARDING_SQL } from '../moderation/moderation-access.service.js';
import { WordFilterService } from '../moderation/word-filter.service.js';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor.js';

/** Who can see what: everyone sees published comments and tombstones; authors also see their own pending and rejected ones. */
const visibleTo = (viewer: string) =>
  `(c.status IN ('published', 'deleted', 'hidden') OR (c.status IN ('pending', 'rejected') AND c.author_id = ${viewer}))`;
const DUPLICATE_WINDOW_MINUTES = 5;

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const key = `${consultationId}/${scope.recommendationCode}/${query.sort ?? 'newest'}/${query.limit ?? PAGE_LIMIT_DEFAULT}/${query.cursor ?? ''}`;
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
    const order = {
      newest: { by: 'c.created_at DESC, c.id DESC', after: '(c.created_at, c.id) < ($4::timestamptz, $5::uuid)' },
      oldest: { by: 'c.created_at ASC, c.id ASC', after: '(c.created_at, c.id) > ($4::timestamptz, $5::uuid)' },
      top: {
        by: '(c.agree_count - c.disagree_count) DESC, c.created_at DESC, c.id DESC',
        after: '((c.agree_count - c.disagree_count), c.created_at, c.id) < ($6::int, $4::timestamptz, $5::uuid)',
      },
    }[sort];
    // Only the cursor's own parameters are bound, so every placeholder in the SQL has a type.
    const params: unknown[] = [consultationId, recommendationCode, viewerId];
    if (cursor) params.push(cursor.t, cursor.id, ...(sort === 'top' ? [cursor.s ?? 0] : []));
    params.push(limit + 1);
    const roots: Array<CommentRow & { sortTime: string }> = await this.dataSource.query(
      `SELECT ${commentColumns('$3::uuid')}, c.created_at::text AS "sortTime"
       FROM comment c ${COMMENT_JOINS}
       WHERE c.consultation_id = $1 AND c.recommendation_code = $2 AND c.parent_id IS NULL
         AND ${visibleTo('$3::uuid')}
         AND ${cursor ? order.after : 'TRUE'}
       ORDER BY ${order.by}
       LIMIT $${params.length}`,
      params,
    );
    const page = roots.slice(0, limit);
    const replies: CommentRow[] = page.length
      ? await this.dataSource.query(
          `SELECT ${commentColumns('$2::uuid')} FROM comment c ${COMMENT_JOINS}
           WHERE c.root_id = ANY($1::uuid[]) AND c.parent_id IS NOT NULL AND ${visibleTo('$2::uuid')}
           ORDER BY c.created_at, c.id`,
          [page.map((root) => root.id), viewerId],
        )
      : [];
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
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT ${commentColumns('$3::uuid')} FROM comment c ${COMMENT_JOINS}
       WHERE c.consultation_id = $1 AND c.status = 'published'
         AND to_tsvector('simple', c.body) @@ websearch_to_tsquery('simple', $2)
       ORDER BY ts_rank(to_tsvector('simple', c.body), websearch_to_tsquery('simple', $2)) DESC, c.created_at DESC
       LIMIT $4`,
      [consultationId, q, viewer?.id ?? null, limit ?? PAGE_LIMIT_DEFAULT],
    );
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
    const row = await this.dataSource.transaction(async (manager): Promise<CommentRow> => {
      const identity = await this.acting.resolve(user.id, dto.actingOrganisationId, manager);
      // The comment keeps the pseudonym of this protected period for good; edits keep it too.
      const authorPseudonym = identity.protected ? identity.pseudonym : null;
      let rootId: string = id;
      let depth = 0;
      if (dto.parentId) {
        const [parent]: Array<{ rootId: string; depth: number }> = await manager.query(
          `SELECT root_id AS "rootId", depth FROM comment
           WHERE id = $1 AND consultation_id = $2 AND recommendation_code = $3 AND status = 'published'`,
          [dto.parentId, consultationId, recommendationCode],
        );
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
      // The same text from the same person within a few minutes is a slip of the thumb or spam.
      const inserted: Array<{ createdAt: string }> = await manager.query(
        `INSERT INTO comment (id, consultation_id, recommendation_code, parent_id, root_id, depth, author_id,
                              author_stakeholder_type, author_organisation_id, author_country_iso3, author_protected, author_pseudonym,
                              country_iso3, stance, language, body, body_html, status, review_queue, held_reason, queued_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $20, $12, $13, $14, $15, $16, $17,
                CASE WHEN $19::text IS NULL THEN NULL ELSE 'general' END, $19::text, CASE WHEN $19::text IS NULL THEN NULL ELSE now() END
         WHERE NOT EXISTS (
           SELECT 1 FROM comment WHERE author_id = $7 AND body = $15 AND status <> 'deleted'
             AND created_at > now() - make_interval(mins => $18))
         RETURNING ${isoTimestamp('created_at')} AS "createdAt"`,
        [
          id,
          consultationId,
          recommendationCode,
          dto.parentId ?? null,
          rootId,
          depth,
          user.id,
          identity.stakeholderType,
          identity.organisationId,
          identity.countryIso3,
          identity.protected,
          dto.countryIso3 ?? null,
          dto.stance ?? null,
          dto.language ?? null,
          body,
          bodyHtml,
          status,
          DUPLICATE_WINDOW_MINUTES,
          queuedReason,
          authorPseudonym,
        ],
      );
      if (inserted.length === 0)
        throw new ApiException(HttpStatus.CONFLICT, ErrorCode.DUPLICATE_COMMENT, 'You posted the same text a moment ago');
      const createdAt = inserted[0]!.createdAt;
      // Everything the presenter needs is at hand: no read-back query.
      const created: CommentRow = {
        id,
        consultationId,
        recommendationCode,
        parentId: dto.parentId ?? null,
        rootId,
        depth,
        body,
        bodyHtml,
        language: dto.language ?? null,
        stance: dto.stance ?? null,
        countryIso3: dto.countryIso3 ?? null,
        status,
        createdAt,
        editedAt: null,
        agreeCount: 0,
        disagreeCount: 0,
        authorId: user.id,
        authorPseudonym,
        authorAnonymised: false,
        authorStakeholderType: identity.stakeholderType,
        authorCountryIso3: identity.countryIso3,
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
        await manager.query(
          `UPDATE idempotency_key SET response_status = 201, response_body = $3 WHERE user_id = $1 AND key = $2 AND response_status IS NULL`,
          [user.id, idempotencyKey, JSON.stringify(presentComment(created, user.id))],
        );
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
    await this.dataSource.transaction(async (manager) => {
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
        await manager.query(`INSERT INTO comment_revision (comment_id, body, body_html) VALUES ($1, $2, $3)`, [
          id,
          comment.body,
          comment.bodyHtml,
        ]);
        await manager.query(`UPDATE comment SET body = $2, body_html = $3, edited_at = now(), version = version + 1 WHERE id = $1`, [
          id,
          text,
          bodyHtml,
        ]);
        return;
      }
      if (text === comment.body) {
        // Back to what is published: the waiting edit is withdrawn, and with it the review it asked for.
        await manager.query(
          `UPDATE comment SET pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL, version = version + 1,
                  review_queue = CASE WHEN held_reason = 'edit' THEN NULL ELSE review_queue END,
                  queued_at = CASE WHEN held_reason = 'edit' THEN NULL ELSE queued_at END,
                  held_reason = CASE WHEN held_reason = 'edit' THEN NULL ELSE held_reason END
           WHERE id = $1`,
          [id],
        );
        return;
      }
      if (moderationMode === 'pre' || heldAuthor || filtered?.action === 'hold') {
        await manager.query(
          `UPDATE comment SET pending_body = $2, pending_body_html = $3, pending_edit_at = now(), version = version + 1,
                  review_queue = COALESCE(review_queue, 'general'), held_reason = COALESCE(held_reason, $4), queued_at = COALESCE(queued_at, now())
           WHERE id = $1`,
          [id, text, bodyHtml, filtered?.action === 'hold' ? 'word-filter' : 'edit'],
        );
        return;
      }
      await manager.query(`INSERT INTO comment_revision (comment_id, body, body_html) VALUES ($1, $2, $3)`, [
        id,
        comment.body,
        comment.bodyHtml,
      ]);
      const requeue = filtered?.action === 'flag' || comment.everReviewed;
      await manager.query(
        `UPDATE comment SET body = $2, body_html = $3, edited_at = now(), version = version + 1,
                pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL,
                review_queue = CASE WHEN $4 THEN COALESCE(review_queue, 'general') ELSE review_queue END,
                held_reason = CASE WHEN $4 THEN COALESCE(held_reason, $5) ELSE held_reason END,
                queued_at = CASE WHEN $4 THEN COALESCE(queued_at, now()) ELSE queued_at END
         WHERE id = $1`,
        [id, text, bodyHtml, requeue, filtered?.action === 'flag' ? 'word-filter' : 'edit'],
      );
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
    const [comment]: Array<{ authorId: string | null; consultationId: string; safeguarding: boolean; status: CommentStatus }> =
      await this.dataSource.query(
        `SELECT c.author_id AS "authorId", c.consultation_id AS "consultationId", c.status, ${SAFEGUARDING_SQL} AS safeguarding FROM comment c WHERE c.id = $1`,
        [id],
      );
    if (!comment || comment.status === 'deleted') throw commentNotFound();
    if (comment.authorId !== user.id && !(await this.access.mayDecide(user, comment))) throw commentNotFound();
    const items: CommentRevision[] = await this.dataSource.query(
      `SELECT body, body_html AS "bodyHtml", ${isoTimestamp('replaced_at')} AS "replacedAt" FROM comment_revision WHERE comment_id = $1 ORDER BY replaced_at DESC, id DESC`,
      [id],
    );
    return { items };
  }

  /** The author's delete: the text and its history go; a tombstone keeps the thread's shape and replies. */
  async remove(id: string, user: AuthUser): Promise<void> {
    const events: ThreadDomainEvent[] = [];
    await this.dataSource.transaction(async (manager) => {
      const comment = await this.lockOwn(manager, id, user);
      if (comment.status === 'deleted') return;
      await this.consultations.writableThread(comment.consultationId, comment.recommendationCode, user, undefined, manager);
      await manager.query(`DELETE FROM comment_revision WHERE comment_id = $1`, [id]);
      await manager.query(
        `UPDATE comment SET status = 'deleted', body = '', body_html = '', deleted_at = now(), version = version + 1,
                            pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL,
                            review_queue = NULL, held_reason = NULL, queued_at = NULL WHERE id = $1`,
        [id],
      );
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
    const reactions = await this.dataSource.transaction(async (manager) => {
      const [comment]: Array<{ consultationId: string; recommendationCode: string }> = await manager.query(
        `SELECT consultation_id AS "consultationId", recommendation_code AS "recommendationCode" FROM comment WHERE id = $1 AND status = 'published' FOR UPDATE`,
        [id],
      );
      if (!comment) throw commentNotFound();
      await this.consultations.writableThread(comment.consultationId, comment.recommendationCode, user, undefined, manager);
      const previous = rowsOf<{ kind: ReactionKind }>(
        await manager.query(`DELETE FROM comment_reaction WHERE comment_id = $1 AND user_id = $2 RETURNING kind`, [id, user.id]),
      )[0]?.kind;
      if (kind) await manager.query(`INSERT INTO comment_reaction (comment_id, user_id, kind) VALUES ($1, $2, $3)`, [id, user.id, kind]);
      const delta = (k: ReactionKind) => (kind === k ? 1 : 0) - (previous === k ? 1 : 0);
      const [counts]: Array<{ agree: number; disagree: number }> = rowsOf(
        await manager.query(
          `UPDATE comment SET agree_count = agree_count + $2, disagree_count = disagree_count + $3 WHERE id = $1
           RETURNING agree_count AS agree, disagree_count AS disagree`,
          [id, delta('agree'), delta('disagree')],
        ),
      );
      if (previous !== (kind ?? undefined)) {
        events.push(await this.threads.append(manager, { ...comment, type: 'reactions.updated', commentId: id }));
      }
      return { agree: counts!.agree, disagree: counts!.disagree, mine: kind };
    });
    this.threads.announce(events);
    return reactions;
  }

  /** One comment as `viewer` sees it (404 when they may not see it). */
  async get(id: string, viewer: AuthUser | undefined, manager: EntityManager = this.dataSource.manager): Promise<Comment> {
    const [row]: CommentRow[] = await manager.query(
      `SELECT ${commentColumns('$2::uuid')} FROM comment c ${COMMENT_JOINS} WHERE c.id = $1 AND (${visibleTo('$2::uuid')} OR $3)`,
      [id, viewer?.id ?? null, isAdmin(viewer)],
    );
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
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT ${commentColumns('NULL::uuid')} FROM comment c ${COMMENT_JOINS} WHERE c.id = ANY($1::uuid[]) AND c.status IN ('published', 'deleted', 'hidden')`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, presentComment(row, null)]));
  }

  /**
   * An account is "new and unvouched" while it has fewer than NEW_ACCOUNT_HELD_COMMENTS published
   * comments and no active membership of a verified organisation; moderators and admins never are.
   */
  private async isNewUnvouched(user: AuthUser): Promise<boolean> {
    const held = this.config.moderation.newAccountHeldComments;
    if (held === 0 || user.roles.some((role) => role !== 'participant')) return false;
    const [row]: Array<{ held: boolean }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM comment WHERE author_id = $1 AND status = 'published' LIMIT $2) published) < $2
              AND NOT EXISTS (SELECT 1 FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id
                              WHERE m.user_id = $1 AND m.status = 'active' AND o.verified_at IS NOT NULL) AS held`,
      [user.id, held],
    );
    return row?.held ?? false;
  }

  /** Someone else's comment answers exactly like a missing one. */
  private async lockOwn(manager: EntityManager, id: string, user: AuthUser): Promise<OwnComment> {
    const [comment]: OwnComment[] = await manager.query(
      `SELECT c.id, c.consultation_id AS "consultationId", c.recommendation_code AS "recommendationCode", c.status, c.body, c.body_html AS "bodyHtml",
              c.pending_body AS "pendingBody",
              (c.flag_count > 0 OR EXISTS (SELECT 1 FROM comment_flag f WHERE f.comment_id = c.id)
                OR EXISTS (SELECT 1 FROM moderation_decision d WHERE d.comment_id = c.id AND d.status = 'applied')) AS "everReviewed"
       FROM comment c WHERE c.id = $1 AND c.author_id = $2 FOR UPDATE OF c`,
      [id, user.id],
    );
    if (!comment) throw commentNotFound();
    return comment;
  }
}

/** The author's own comment as an edit or delete reads it. */
interface OwnComment {
  id: string;
  consultationId: string;
  recommendationCode: string;
  status: CommentStatus;
  body: string;
  bodyHtml: string;
  pendingBody: string | null;
  /** Ever reported, or ever decided on by a moderator. */
  everReviewed: boolean;
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
