import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import {
  ErrorCode,
  isLocaleCode,
  PAGE_LIMIT_DEFAULT,
  type LocaleCode,
  type Notification,
  type NotificationKind,
  type NotificationPage,
} from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService, TooManyRequestsException } from '../../core/security/rate-limit.service.js';
import { MailService } from '../mail/mail.service.js';
import { notificationSummary } from './notification-text.js';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor.js';
import { NotificationsRepository, type NotificationRow } from './notifications.repository.js';

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
    private readonly notifications: NotificationsRepository,
    private readonly emitter: EventEmitter2,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
  ) {}

  create(manager: EntityManager, notification: NewNotification): Promise<string> {
    return this.notifications.insert(manager, {
      userId: notification.userId,
      kind: notification.kind,
      decisionId: notification.decisionId ?? null,
      appealId: notification.appealId ?? null,
      sanctionId: notification.sanctionId ?? null,
      commentId: notification.commentId ?? null,
    });
  }

  /** After commit: live to the addressee's sockets, and by mail. Best effort: the centre already has it. */
  async deliver(ids: string[]): Promise<void> {
    for (const id of ids) {
      try {
        const person = await this.notifications.recipient(id);
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
    const rows = await this.notifications.page(userId, locale, after, limit);
    const unread = await this.notifications.unreadCount(userId);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(strip),
      nextCursor: rows.length > limit && last ? encodeCursor({ t: last.sortTime, id: last.id }) : null,
      unread,
    };
  }

  async localeOf(userId: string): Promise<LocaleCode> {
    const locale = await this.notifications.localeOf(userId);
    return isLocaleCode(locale) ? locale : 'en';
  }

  async markRead(userId: string, id: string): Promise<void> {
    if ((await this.notifications.markRead(userId, id)) === 0)
      throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOTIFICATION_NOT_FOUND, 'No such notification');
  }

  async markAllRead(userId: string): Promise<void> {
    await this.notifications.markAllRead(userId);
  }

  private async one(id: string, locale: LocaleCode): Promise<Notification | undefined> {
    const row = await this.notifications.one(id, locale);
    return row ? strip(row) : undefined;
  }
}

function strip({ sortTime: _sortTime, ...notification }: NotificationRow): Notification {
  return notification;
}
