import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  APPEAL_WINDOW_DAYS,
  ErrorCode,
  isLocaleCode,
  PAGE_LIMIT_DEFAULT,
  type LocaleCode,
  type Notification,
  type NotificationKind,
  type NotificationPage,
} from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { affectedCount } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService, TooManyRequestsException } from '../../core/security/rate-limit.service.js';
import { MailService } from '../mail/mail.service.js';
import { notificationSummary } from './notification-text.js';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor.js';

/** Announced after a notification's transaction committed; the realtime module sends it to the addressee's sockets. */
export const NOTIFICATION_CREATED = 'notification.created';

export interface NotificationCreatedEvent {
  userId: string;
  notification: Notification;
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  decisionId?: string | null;
  appealId?: string | null;
  sanctionId?: string | null;
  commentId?: string | null;
}

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

type NotificationRow = Notification & { sortTime: string };

/**
 * The in-app notification centre, plus mail. Services create notifications inside their own
 * transaction and call `deliver` after it commits: the addressee's open sockets get it at once
 * and a mail goes out (to the outbox when SMTP is not configured), never with more than the
 * centre shows.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emitter: EventEmitter2,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
  ) {}

  async create(manager: EntityManager, notification: NewNotification): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO notification (user_id, kind, decision_id, appeal_id, sanction_id, comment_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        notification.userId,
        notification.kind,
        notification.decisionId ?? null,
        notification.appealId ?? null,
        notification.sanctionId ?? null,
        notification.commentId ?? null,
      ],
    );
    return row!.id;
  }

  /** After commit: live to the addressee's sockets, and by mail. Best effort: the centre already has it. */
  async deliver(ids: string[]): Promise<void> {
    for (const id of ids) {
      try {
        const [person]: Array<{ userId: string; locale: string; email: string | null; displayName: string }> = await this.dataSource.query(
          `SELECT u.id AS "userId", u.locale, u.email, u.display_name AS "displayName"
           FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = $1 AND u.status = 'active'`,
          [id],
        );
        if (!person) continue;
        const locale: LocaleCode = isLocaleCode(person.locale) ? person.locale : 'en';
        const notification = await this.one(id, locale);
        if (!notification) continue;
        this.emitter.emit(NOTIFICATION_CREATED, { userId: person.userId, notification } satisfies NotificationCreatedEvent);
        if (person.email) {
          await this.rateLimits.consume('mailPerAddress', person.email.toLowerCase());
          await this.mail.send({
            to: person.email,
            kind: 'notification',
            locale,
            displayName: person.displayName,
            link: `${this.config.publicUrl}/notifications`,
            summary: notificationSummary(notification, locale),
          });
        }
      } catch (error) {
        if (error instanceof TooManyRequestsException) continue;
        this.logger.warn(
          { event: 'notification.delivery_failed', err: (error as Error).message },
          'notification not delivered by mail or live',
        );
      }
    }
  }

  async list(userId: string, locale: LocaleCode, cursor: string | undefined, limit = PAGE_LIMIT_DEFAULT): Promise<NotificationPage> {
    const after = decodeCursor(cursor);
    const params: unknown[] = [userId, locale, limit + 1];
    if (after) params.push(after.t, after.id);
    const rows: NotificationRow[] = await this.dataSource.query(
      `${SELECT_NOTIFICATIONS}
       WHERE n.user_id = $1 ${after ? 'AND (n.created_at, n.id) < ($4::timestamptz, $5::uuid)' : ''}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $3`,
      params,
    );
    const [{ unread }]: Array<{ unread: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(strip),
      nextCursor: rows.length > limit && last ? encodeCursor({ t: last.sortTime, id: last.id }) : null,
      unread,
    };
  }

  async localeOf(userId: string): Promise<LocaleCode> {
    const [row]: Array<{ locale: string }> = await this.dataSource.query(`SELECT locale FROM app_user WHERE id = $1`, [userId]);
    return isLocaleCode(row?.locale) ? row.locale : 'en';
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result: unknown = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    if (affectedCount(result) === 0) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOTIFICATION_NOT_FOUND, 'No such notification');
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  }

  private async one(id: string, locale: LocaleCode): Promise<Notification | undefined> {
    const [row]: NotificationRow[] = await this.dataSource.query(`${SELECT_NOTIFICATIONS} WHERE n.id = $1`, [id, locale]);
    return row ? strip(row) : undefined;
  }
}

function strip({ sortTime: _sortTime, ...notification }: NotificationRow): Notification {
  return notification;
}
