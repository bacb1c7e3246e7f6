import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APPEAL_WINDOW_DAYS, type LocaleCode, type Notification, type NotificationKind } from '@compact-voices/contracts';
import { affectedCount } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import type { KeysetCursor } from '../../core/http/keyset-cursor.js';

/** A sanction can be appealed for this long after it came into force. */
const SANCTION_APPEAL_DEADLINE = `(COALESCE(s.cosigned_at, s.created_at) + make_interval(days => ${APPEAL_WINDOW_DAYS}))`;

/**
 * Everything a notification points at, joined and worded in the reader's language. A sanction's
 * round is the sanction's own (null when global), not its comment's.
 */
const SELECT_NOTIFICATIONS = `
  SELECT n.id, n.kind, ${isoTimestamp('n.created_at')} AS "createdAt", ${isoTimestamp('n.read_at')} AS "readAt",
         n.created_at::text AS "sortTime",
         d.id AS "decisionId", n.appeal_id AS "appealId", c.id AS "commentId", s.id AS "sanctionId",
         CASE WHEN s.id IS NOT NULL THEN s.consultation_id ELSE c.consultation_id END AS "consultationId", c.recommendation_code AS "recommendationCode",
         d.action, a.outcome,
         COALESCE(d.rule_code, s.rule_code) AS "ruleCode",
         COALESCE(r.title ->> $2, r.title ->> 'en') AS "ruleTitle",
         CASE n.kind WHEN 'appeal.outcome' THEN a.outcome_reason WHEN 'sanction' THEN s.reason WHEN 'moderation.decision' THEN d.reason END AS reason,
         ${isoTimestamp('s.until')} AS until,
         CASE WHEN n.kind = 'moderation.decision' AND d.status = 'applied' AND d.action IN ('hide', 'reject') AND da.id IS NULL
                   AND d.applied_at + make_interval(days => ${APPEAL_WINDOW_DAYS}) > now()
                   AND NOT EXISTS (SELECT 1 FROM moderation_decision later WHERE later.comment_id = d.comment_id AND later.status = 'applied' AND later.applied_at > d.applied_at)
              THEN ${isoTimestamp(`(d.applied_at + make_interval(days => ${APPEAL_WINDOW_DAYS}))`)}
              WHEN n.kind = 'sanction' AND s.status = 'in-force' AND s.lifted_at IS NULL AND s.until > now() AND sa.id IS NULL AND ${SANCTION_APPEAL_DEADLINE} > now()
              THEN ${isoTimestamp(SANCTION_APPEAL_DEADLINE)} END AS "appealableUntil"
  FROM notification n
  LEFT JOIN appeal a ON a.id = n.appeal_id
  LEFT JOIN moderation_decision d ON d.id = COALESCE(n.decision_id, a.decision_id)
  LEFT JOIN appeal da ON da.decision_id = d.id
  LEFT JOIN sanction s ON s.id = COALESCE(n.sanction_id, a.sanction_id)
  LEFT JOIN appeal sa ON sa.sanction_id = s.id
  LEFT JOIN comment c ON c.id = COALESCE(n.comment_id, d.comment_id)
  LEFT JOIN house_rule r ON r.code = COALESCE(d.rule_code, s.rule_code) AND r.version = COALESCE(d.rule_version, s.rule_version)`;

/** A notification as the centre shows it, with the time its keyset cursor carries. */
export type NotificationRow = Notification & { sortTime: string };

/** A notification as inserted into `notification`. */
export interface NotificationInsert {
  userId: string;
  kind: NotificationKind;
  decisionId: string | null;
  appealId: string | null;
  sanctionId: string | null;
  commentId: string | null;
}

/** The active addressee of a notification, as delivery needs them. */
export interface NotificationRecipient {
  userId: string;
  locale: string;
  email: string | null;
  displayName: string;
}

/** The SQL of the notification centre; inserts run in the caller's transaction and take its `EntityManager`. */
@Injectable()
export class NotificationsRepository extends SqlRepository {
  /** Inserts a notification in the caller's transaction; returns its id. */
  async insert(manager: EntityManager, notification: NotificationInsert): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO notification (user_id, kind, decision_id, appeal_id, sanction_id, comment_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        notification.userId,
        notification.kind,
        notification.decisionId,
        notification.appealId,
        notification.sanctionId,
        notification.commentId,
      ],
    );
    return row!.id;
  }

  /** The notification's addressee, if their account is active. */
  async recipient(id: string): Promise<NotificationRecipient | undefined> {
    const [person]: NotificationRecipient[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.locale, u.email, u.display_name AS "displayName"
           FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = $1 AND u.status = 'active'`,
      [id],
    );
    return person;
  }

  /** One page of a person's notifications, newest first (up to `limit + 1` rows). */
  page(userId: string, locale: LocaleCode, after: KeysetCursor | undefined, limit: number): Promise<NotificationRow[]> {
    const params: unknown[] = [userId, locale, limit + 1];
    if (after) params.push(after.t, after.id);
    return this.dataSource.query(
      `${SELECT_NOTIFICATIONS}
       WHERE n.user_id = $1 ${after ? 'AND (n.created_at, n.id) < ($4::timestamptz, $5::uuid)' : ''}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $3`,
      params,
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ unread }]: Array<{ unread: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return unread;
  }

  /** The person's stored locale (undefined when there is no such person). */
  async localeOf(userId: string): Promise<string | undefined> {
    const [row]: Array<{ locale: string }> = await this.dataSource.query(`SELECT locale FROM app_user WHERE id = $1`, [userId]);
    return row?.locale;
  }

  /** Marks the person's notification read; returns how many rows matched (0: not theirs or missing). */
  async markRead(userId: string, id: string): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return affectedCount(result);
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  }

  /** One notification, worded in the given language. */
  async one(id: string, locale: LocaleCode): Promise<NotificationRow | undefined> {
    const [row]: NotificationRow[] = await this.dataSource.query(`${SELECT_NOTIFICATIONS} WHERE n.id = $1`, [id, locale]);
    return row;
  }
}
