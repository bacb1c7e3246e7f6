import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CommentRevision,
  CommentSort,
  CommentStatus,
  HeldReason,
  ReactionKind,
  Stance,
  StakeholderTypeCode,
} from '@compact-voices/contracts';
import { rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import type { KeysetCursor } from '../../core/http/keyset-cursor.js';
import { SAFEGUARDING_SQL } from '../moderation/moderation-access.repository.js';
import { COMMENT_JOINS, commentColumns, type CommentRow } from './comment.presenter.js';

/** Who can see what: everyone sees published comments and tombstones; authors also see their own pending and rejected ones. */
const visibleTo = (viewer: string) =>
  `(c.status IN ('published', 'deleted', 'hidden') OR (c.status IN ('pending', 'rejected') AND c.author_id = ${viewer}))`;
const DUPLICATE_WINDOW_MINUTES = 5;

/** A root comment of a thread page, with the time its keyset cursor carries. */
export type RootRow = CommentRow & { sortTime: string };

export interface RootsPageQuery {
  consultationId: string;
  recommendationCode: string;
  viewerId: string | null;
  sort: CommentSort;
  /** Only roots written in this language (its primary subtag), when given. */
  language?: string;
  cursor: KeysetCursor | undefined;
  /** Rows wanted; one more is read to tell whether a next page exists. */
  limit: number;
}

/** The author's own comment as an edit or delete reads it. */
export interface OwnComment {
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

/** A comment as inserted into `comment`, with the author's acting identity copied onto it. */
export interface CommentInsert {
  id: string;
  consultationId: string;
  recommendationCode: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  authorId: string;
  authorStakeholderType: StakeholderTypeCode;
  authorOrganisationId: string | null;
  authorCountryIso3: string | null;
  authorProtected: boolean;
  authorPseudonym: string | null;
  countryIso3: string | null;
  stance: Stance | null;
  language: string | null;
  body: string;
  bodyHtml: string;
  status: CommentStatus;
  /** Why the comment joins the general review queue (null: it does not). */
  queuedReason: HeldReason | null;
}

/** What deciding who may read a comment's revisions needs. */
export interface RevisionSubject {
  authorId: string | null;
  consultationId: string;
  safeguarding: boolean;
  status: CommentStatus;
}

/** The SQL of comments, reactions and revisions; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class CommentsRepository extends SqlRepository {
  // ---- Reads ----

  /** One page of a thread's root comments the viewer may see, in the sort's keyset order (up to `limit + 1` rows). */
  async rootsPage(query: RootsPageQuery): Promise<RootRow[]> {
    const { consultationId, recommendationCode, viewerId, sort, cursor, limit, language } = query;
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
    if (language) params.push(language);
    const languageParam = params.length;
    params.push(limit + 1);
    const roots: RootRow[] = await this.dataSource.query(
      `SELECT ${commentColumns('$3::uuid')}, c.created_at::text AS "sortTime"
       FROM comment c ${COMMENT_JOINS}
       WHERE c.consultation_id = $1 AND c.recommendation_code = $2 AND c.parent_id IS NULL
         AND ${visibleTo('$3::uuid')}
         AND ${cursor ? order.after : 'TRUE'}
         AND ${language ? `split_part(c.language, '-', 1) = $${languageParam}::text` : 'TRUE'}
       ORDER BY ${order.by}
       LIMIT $${params.length}`,
      params,
    );
    return roots;
  }

  /** The replies under the given roots that the viewer may see, in time order. */
  async repliesOf(rootIds: string[], viewerId: string | null): Promise<CommentRow[]> {
    if (rootIds.length === 0) return [];
    const replies: CommentRow[] = await this.dataSource.query(
      `SELECT ${commentColumns('$2::uuid')} FROM comment c ${COMMENT_JOINS}
           WHERE c.root_id = ANY($1::uuid[]) AND c.parent_id IS NOT NULL AND ${visibleTo('$2::uuid')}
           ORDER BY c.created_at, c.id`,
      [rootIds, viewerId],
    );
    return replies;
  }

  /**
   * A round's published comments matching a search, best match first: by PostgreSQL's full-text
   * search of the query (web-search syntax), or by containing every one of its `words` (searchWords:
   * segmented by script), which finds words in Thai or Chinese, written without spaces, and in scripts
   * the database's parser does not split. Full-text matches rank first, by relevance; then the newest.
   */
  async search(consultationId: string, q: string, words: string[], viewerId: string | null, limit: number): Promise<CommentRow[]> {
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT ${commentColumns('$3::uuid')} FROM comment c ${COMMENT_JOINS}
       WHERE c.consultation_id = $1 AND c.status = 'published'
         AND (to_tsvector('simple', c.body) @@ websearch_to_tsquery('simple', $2)
              OR (cardinality($5::text[]) > 0
                  AND NOT EXISTS (SELECT 1 FROM unnest($5::text[]) AS w(word) WHERE strpos(lower(c.body), w.word) = 0)))
       ORDER BY ts_rank(to_tsvector('simple', c.body), websearch_to_tsquery('simple', $2)) DESC, c.created_at DESC
       LIMIT $4`,
      [consultationId, q, viewerId, limit, words],
    );
    return rows;
  }

  /** One comment if the viewer may see it (`admin`: any comment). */
  async findVisible(
    id: string,
    viewerId: string | null,
    admin: boolean,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CommentRow | undefined> {
    const [row]: CommentRow[] = await manager.query(
      `SELECT ${commentColumns('$2::uuid')} FROM comment c ${COMMENT_JOINS} WHERE c.id = $1 AND (${visibleTo('$2::uuid')} OR $3)`,
      [id, viewerId, admin],
    );
    return row;
  }

  /** The given comments that the public may see (published, hidden or a tombstone), as nobody in particular reads them. */
  publicRows(ids: string[]): Promise<CommentRow[]> {
    return this.dataSource.query(
      `SELECT ${commentColumns('NULL::uuid')} FROM comment c ${COMMENT_JOINS} WHERE c.id = ANY($1::uuid[]) AND c.status IN ('published', 'deleted', 'hidden')`,
      [ids],
    );
  }

  /**
   * Whether the author has fewer than `heldComments` published comments and no active membership of
   * a verified organisation.
   */
  async isNewUnvouched(authorId: string, heldComments: number): Promise<boolean> {
    const [row]: Array<{ held: boolean }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM comment WHERE author_id = $1 AND status = 'published' LIMIT $2) published) < $2
              AND NOT EXISTS (SELECT 1 FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id
                              WHERE m.user_id = $1 AND m.status = 'active' AND o.verified_at IS NOT NULL) AS held`,
      [authorId, heldComments],
    );
    return row?.held ?? false;
  }

  // ---- Revisions ----

  /** Whose comment it is, its round, status and whether it is a safeguarding item. */
  async revisionSubject(id: string): Promise<RevisionSubject | undefined> {
    const [comment]: RevisionSubject[] = await this.dataSource.query(
      `SELECT c.author_id AS "authorId", c.consultation_id AS "consultationId", c.status, ${SAFEGUARDING_SQL} AS safeguarding FROM comment c WHERE c.id = $1`,
      [id],
    );
    return comment;
  }

  /** A comment's earlier versions, newest first. */
  revisionsOf(id: string): Promise<CommentRevision[]> {
    return this.dataSource.query(
      `SELECT body, body_html AS "bodyHtml", ${isoTimestamp('replaced_at')} AS "replacedAt" FROM comment_revision WHERE comment_id = $1 ORDER BY replaced_at DESC, id DESC`,
      [id],
    );
  }

  /** Keeps text about to be replaced in the comment's history. */
  async insertRevision(manager: EntityManager, commentId: string, body: string, bodyHtml: string): Promise<void> {
    await manager.query(`INSERT INTO comment_revision (comment_id, body, body_html) VALUES ($1, $2, $3)`, [commentId, body, bodyHtml]);
  }

  // ---- Posting (inside the post's transaction) ----

  /** The parent a reply goes under: a published comment of the same thread. */
  async findReplyParent(
    manager: EntityManager,
    parentId: string,
    consultationId: string,
    recommendationCode: string,
  ): Promise<{ rootId: string; depth: number } | undefined> {
    const [parent]: Array<{ rootId: string; depth: number }> = await manager.query(
      `SELECT root_id AS "rootId", depth FROM comment
           WHERE id = $1 AND consultation_id = $2 AND recommendation_code = $3 AND status = 'published'`,
      [parentId, consultationId, recommendationCode],
    );
    return parent;
  }

  /**
   * Inserts the comment unless its author posted the same text within the last few minutes; returns
   * its creation time, or undefined for such a duplicate (nothing inserted).
   */
  async insert(manager: EntityManager, comment: CommentInsert): Promise<string | undefined> {
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
        comment.id,
        comment.consultationId,
        comment.recommendationCode,
        comment.parentId,
        comment.rootId,
        comment.depth,
        comment.authorId,
        comment.authorStakeholderType,
        comment.authorOrganisationId,
        comment.authorCountryIso3,
        comment.authorProtected,
        comment.countryIso3,
        comment.stance,
        comment.language,
        comment.body,
        comment.bodyHtml,
        comment.status,
        DUPLICATE_WINDOW_MINUTES,
        comment.queuedReason,
        comment.authorPseudonym,
      ],
    );
    return inserted[0]?.createdAt;
  }

  /** Records the response an Idempotency-Key replays, in the transaction that made it. */
  async recordIdempotentResponse(manager: EntityManager, userId: string, key: string, responseBody: string): Promise<void> {
    await manager.query(
      `UPDATE idempotency_key SET response_status = 201, response_body = $3 WHERE user_id = $1 AND key = $2 AND response_status IS NULL`,
      [userId, key, responseBody],
    );
  }

  // ---- Editing and deleting (inside the change's transaction) ----

  /** Locks the author's own comment; undefined when it is missing or someone else's. */
  async lockOwn(manager: EntityManager, id: string, authorId: string): Promise<OwnComment | undefined> {
    const [comment]: OwnComment[] = await manager.query(
      `SELECT c.id, c.consultation_id AS "consultationId", c.recommendation_code AS "recommendationCode", c.status, c.body, c.body_html AS "bodyHtml",
              c.pending_body AS "pendingBody",
              (c.flag_count > 0 OR EXISTS (SELECT 1 FROM comment_flag f WHERE f.comment_id = c.id)
                OR EXISTS (SELECT 1 FROM moderation_decision d WHERE d.comment_id = c.id AND d.status = 'applied')) AS "everReviewed"
       FROM comment c WHERE c.id = $1 AND c.author_id = $2 FOR UPDATE OF c`,
      [id, authorId],
    );
    return comment;
  }

  /** Replaces the text of a comment still waiting for review. */
  async replaceText(manager: EntityManager, id: string, body: string, bodyHtml: string): Promise<void> {
    await manager.query(`UPDATE comment SET body = $2, body_html = $3, edited_at = now(), version = version + 1 WHERE id = $1`, [
      id,
      body,
      bodyHtml,
    ]);
  }

  /** Drops a waiting edit, and the review it asked for. */
  async withdrawPendingEdit(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE comment SET pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL, version = version + 1,
                  review_queue = CASE WHEN held_reason = 'edit' THEN NULL ELSE review_queue END,
                  queued_at = CASE WHEN held_reason = 'edit' THEN NULL ELSE queued_at END,
                  held_reason = CASE WHEN held_reason = 'edit' THEN NULL ELSE held_reason END
           WHERE id = $1`,
      [id],
    );
  }

  /** Keeps an edit of a published comment waiting for a moderator (the published text stays). */
  async holdEdit(manager: EntityManager, id: string, body: string, bodyHtml: string, heldReason: HeldReason): Promise<void> {
    await manager.query(
      `UPDATE comment SET pending_body = $2, pending_body_html = $3, pending_edit_at = now(), version = version + 1,
                  review_queue = COALESCE(review_queue, 'general'), held_reason = COALESCE(held_reason, $4), queued_at = COALESCE(queued_at, now())
           WHERE id = $1`,
      [id, body, bodyHtml, heldReason],
    );
  }

  /** Publishes an edit at once, dropping any waiting one; with `requeue`, the comment (also) joins the general queue. */
  async publishEdit(
    manager: EntityManager,
    id: string,
    edit: { body: string; bodyHtml: string; requeue: boolean; heldReason: HeldReason },
  ): Promise<void> {
    await manager.query(
      `UPDATE comment SET body = $2, body_html = $3, edited_at = now(), version = version + 1,
                pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL,
                review_queue = CASE WHEN $4 THEN COALESCE(review_queue, 'general') ELSE review_queue END,
                held_reason = CASE WHEN $4 THEN COALESCE(held_reason, $5) ELSE held_reason END,
                queued_at = CASE WHEN $4 THEN COALESCE(queued_at, now()) ELSE queued_at END
         WHERE id = $1`,
      [id, edit.body, edit.bodyHtml, edit.requeue, edit.heldReason],
    );
  }

  async deleteRevisions(manager: EntityManager, commentId: string): Promise<void> {
    await manager.query(`DELETE FROM comment_revision WHERE comment_id = $1`, [commentId]);
  }

  /** Leaves a tombstone: the text, any waiting edit and the comment's place in a queue go. */
  async markDeleted(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE comment SET status = 'deleted', body = '', body_html = '', deleted_at = now(), version = version + 1,
                            pending_body = NULL, pending_body_html = NULL, pending_edit_at = NULL,
                            review_queue = NULL, held_reason = NULL, queued_at = NULL WHERE id = $1`,
      [id],
    );
  }

  // ---- Reactions (inside the reaction's transaction) ----

  /** Locks a published comment; undefined when there is none. */
  async lockPublished(manager: EntityManager, id: string): Promise<{ consultationId: string; recommendationCode: string } | undefined> {
    const [comment]: Array<{ consultationId: string; recommendationCode: string }> = await manager.query(
      `SELECT consultation_id AS "consultationId", recommendation_code AS "recommendationCode" FROM comment WHERE id = $1 AND status = 'published' FOR UPDATE`,
      [id],
    );
    return comment;
  }

  /** Removes the person's reaction to the comment; returns its kind (undefined if they had none). */
  async deleteReaction(manager: EntityManager, commentId: string, userId: string): Promise<ReactionKind | undefined> {
    return rowsOf<{ kind: ReactionKind }>(
      await manager.query(`DELETE FROM comment_reaction WHERE comment_id = $1 AND user_id = $2 RETURNING kind`, [commentId, userId]),
    )[0]?.kind;
  }

  async insertReaction(manager: EntityManager, commentId: string, userId: string, kind: ReactionKind): Promise<void> {
    await manager.query(`INSERT INTO comment_reaction (comment_id, user_id, kind) VALUES ($1, $2, $3)`, [commentId, userId, kind]);
  }

  /** Adds the deltas to the comment's reaction counts; returns the new counts. */
  async adjustReactionCounts(
    manager: EntityManager,
    id: string,
    agreeDelta: number,
    disagreeDelta: number,
  ): Promise<{ agree: number; disagree: number }> {
    const [counts]: Array<{ agree: number; disagree: number }> = rowsOf(
      await manager.query(
        `UPDATE comment SET agree_count = agree_count + $2, disagree_count = disagree_count + $3 WHERE id = $1
           RETURNING agree_count AS agree, disagree_count AS disagree`,
        [id, agreeDelta, disagreeDelta],
      ),
    );
    return counts!;
  }
}
