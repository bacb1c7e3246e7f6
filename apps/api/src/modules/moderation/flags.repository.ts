import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FlagReason } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';

/** The published comment a report is made on, locked for the report. */
export interface FlaggedComment {
  consultationId: string;
  recommendationCode: string;
  status: string;
}

/** A report as inserted into `comment_flag`, with the evidence taken as it is made. */
export interface FlagInsert {
  commentId: string;
  userId: string;
  reason: FlagReason;
  note: string | null;
  /** The keyed hash of the reporter's address, scoped to this comment. */
  clientKey: string;
  /** An account younger than this is not established. */
  reporterMinAccountAgeHours: number;
}

/** Independent agreement among a comment's reports not yet dealt with: one vote per address, established accounts only. */
export interface FlagAgreement {
  /** Reports of any reason. */
  any: number;
  /** At least one of them by an active member of a verified organisation. */
  anyAnchored: boolean;
  /** Safeguarding concerns. */
  concern: number;
  concernAnchored: boolean;
}

/** The SQL of reports on comments; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class FlagsRepository extends SqlRepository {
  /** The round of a comment; undefined when there is no such comment. */
  async commentRound(commentId: string): Promise<string | undefined> {
    const [visible]: Array<{ consultationId: string }> = await this.dataSource.query(
      `SELECT consultation_id AS "consultationId" FROM comment WHERE id = $1`,
      [commentId],
    );
    return visible?.consultationId;
  }

  // ---- Inside a transaction ----

  /** Locks a published comment; undefined when there is no such published comment. */
  async lockPublishedComment(manager: EntityManager, commentId: string): Promise<FlaggedComment | undefined> {
    const [comment]: FlaggedComment[] = await manager.query(
      `SELECT consultation_id AS "consultationId", recommendation_code AS "recommendationCode", status FROM comment
         WHERE id = $1 AND status = 'published' FOR UPDATE`,
      [commentId],
    );
    return comment;
  }

  /** Inserts the report and returns when it was made; undefined when the person had already reported the comment. */
  async insert(manager: EntityManager, flag: FlagInsert): Promise<string | undefined> {
    const [row]: Array<{ createdAt: string }> = await manager.query(
      `INSERT INTO comment_flag (comment_id, user_id, reason, note, client_key, reporter_established, reporter_verified_member)
         SELECT $1, $2, $3, $4, $5,
                u.email_verified_at IS NOT NULL AND u.created_at <= now() - make_interval(hours => $6),
                EXISTS (SELECT 1 FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id
                        WHERE m.user_id = u.id AND m.status = 'active' AND o.verified_at IS NOT NULL)
         FROM app_user u WHERE u.id = $2
         ON CONFLICT (comment_id, user_id) DO NOTHING RETURNING ${isoTimestamp('created_at')} AS "createdAt"`,
      [flag.commentId, flag.userId, flag.reason, flag.note, flag.clientKey, flag.reporterMinAccountAgeHours],
    );
    return row?.createdAt;
  }

  async agreement(manager: EntityManager, commentId: string): Promise<FlagAgreement> {
    const [agreement] = rowsOf<FlagAgreement>(
      await manager.query(
        `SELECT count(DISTINCT client_key) FILTER (WHERE reporter_established)::int AS any,
                COALESCE(bool_or(reporter_established AND reporter_verified_member), false) AS "anyAnchored",
                count(DISTINCT client_key) FILTER (WHERE reporter_established AND reason = 'safeguarding')::int AS concern,
                COALESCE(bool_or(reporter_established AND reporter_verified_member AND reason = 'safeguarding'), false) AS "concernAnchored"
         FROM comment_flag WHERE comment_id = $1 AND resolved_at IS NULL AND client_key IS NOT NULL`,
        [commentId],
      ),
    );
    return agreement!;
  }

  /**
   * Counts the report on the comment and queues it for review: a safeguarding concern, now
   * (`safeguarding`) or before, keeps it with the round's safeguarding officers. `hide` hides it
   * until reviewed.
   */
  async queueFlagged(manager: EntityManager, commentId: string, safeguarding: boolean, hide: boolean): Promise<void> {
    await manager.query(
      `UPDATE comment c SET
           flag_count = c.flag_count + 1,
           review_queue = CASE WHEN $2 OR EXISTS (SELECT 1 FROM comment_flag f WHERE f.comment_id = c.id AND f.reason = 'safeguarding') THEN 'safeguarding'
                               ELSE COALESCE(c.review_queue, 'general') END,
           held_reason = CASE WHEN $2 THEN 'safeguarding' ELSE COALESCE(c.held_reason, 'flags') END,
           queued_at = COALESCE(c.queued_at, now()),
           status = CASE WHEN $3 THEN 'hidden' ELSE c.status END,
           -- Only a change of state moves the optimistic lock; one more flag does not invalidate a moderator's view.
           version = c.version + CASE WHEN $3 THEN 1 ELSE 0 END
         WHERE c.id = $1`,
      [commentId, safeguarding, hide],
    );
  }
}
