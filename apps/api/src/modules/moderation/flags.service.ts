import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, type FlagReceipt, type FlagRequest } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { assertVerified } from '../../core/auth/assert-verified.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { addressLimitKey } from '../../core/security/client-address.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { AppConfig } from '../../config/app-config.js';
import { ConsultationsService, assertNotSuspendedInRound } from '../consultations/consultations.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';

/**
 * Flags: once per person and comment, with a reason and an optional note; nobody — not moderators
 * either — learns who flagged (the audit log, for admins, does). A report is a lever on what others
 * read, so it is cheap to make and expensive to abuse:
 *
 * - every report queues the comment for review (a safeguarding concern: at the head of the round's
 *   safeguarding queue, for its safeguarding officers alone);
 * - a comment is hidden before anyone reviews it only when enough *independent* reporters agree —
 *   established accounts (REPORTER_MIN_ACCOUNT_AGE_HOURS), counted once per client address, at least
 *   one of them an active member of a verified organisation: SAFEGUARDING_HIDE_REPORTERS for a
 *   safeguarding concern, FLAG_HIDE_THRESHOLD for reports of any reason;
 * - reports are rate-limited per account (per minute and per day) and per client address.
 *
 * The evidence is taken as the report is made and kept with it: a keyed hash of the address scoped
 * to this comment (never the address; useless on any other comment), whether the account was
 * established and whether it was in a verified organisation.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationsService,
    private readonly threads: ThreadLogService,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
    private readonly secrets: AppSecrets,
    private readonly audit: AuditService,
  ) {}

  async flag(commentId: string, dto: FlagRequest, user: AuthUser, context: { ip: string }): Promise<FlagReceipt> {
    assertVerified(user);
    const address = addressLimitKey(context.ip);
    await this.rateLimits.consume('flagsPerUser', user.id);
    await this.rateLimits.consume('flagsPerUserPerDay', user.id);
    await this.rateLimits.consume('flagsPerAddress', address);
    // Visibility first, outside the transaction (the embedded database has a single connection).
    const [visible]: Array<{ consultationId: string }> = await this.dataSource.query(
      `SELECT consultation_id AS "consultationId" FROM comment WHERE id = $1`,
      [commentId],
    );
    if (!visible) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
    await this.consultations.assertVisible(visible.consultationId, user);
    await assertNotSuspendedInRound(this.dataSource.manager, visible.consultationId, user);
    const { flagHideThreshold, safeguardingHideReporters, reporterMinAccountAgeHours } = this.config.moderation;
    const events: ThreadDomainEvent[] = [];
    const receipt = await this.dataSource.transaction(async (manager) => {
      const [comment]: Array<{ consultationId: string; recommendationCode: string; status: string }> = await manager.query(
        `SELECT consultation_id AS "consultationId", recommendation_code AS "recommendationCode", status FROM comment
         WHERE id = $1 AND status = 'published' FOR UPDATE`,
        [commentId],
      );
      if (!comment) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
      const [flag]: Array<{ createdAt: string }> = await manager.query(
        `INSERT INTO comment_flag (comment_id, user_id, reason, note, client_key, reporter_established, reporter_verified_member)
         SELECT $1, $2, $3, $4, $5,
                u.email_verified_at IS NOT NULL AND u.created_at <= now() - make_interval(hours => $6),
                EXISTS (SELECT 1 FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id
                        WHERE m.user_id = u.id AND m.status = 'active' AND o.verified_at IS NOT NULL)
         FROM app_user u WHERE u.id = $2
         ON CONFLICT (comment_id, user_id) DO NOTHING RETURNING ${isoTimestamp('created_at')} AS "createdAt"`,
        [
          commentId,
          user.id,
          dto.reason,
          dto.note?.trim() || null,
          this.secrets.scopedClientKey(`flag:${commentId}`, address),
          reporterMinAccountAgeHours,
        ],
      );
      if (!flag) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.FLAG_EXISTS, 'You have already reported this comment');
      const safeguarding = dto.reason === 'safeguarding';
      // Independent agreement among the reports not yet dealt with: one vote per address, established accounts only.
      const [agreement] = rowsOf<{ any: number; anyAnchored: boolean; concern: number; concernAnchored: boolean }>(
        await manager.query(
          `SELECT count(DISTINCT client_key) FILTER (WHERE reporter_established)::int AS any,
                COALESCE(bool_or(reporter_established AND reporter_verified_member), false) AS "anyAnchored",
                count(DISTINCT client_key) FILTER (WHERE reporter_established AND reason = 'safeguarding')::int AS concern,
                COALESCE(bool_or(reporter_established AND reporter_verified_member AND reason = 'safeguarding'), false) AS "concernAnchored"
         FROM comment_flag WHERE comment_id = $1 AND resolved_at IS NULL AND client_key IS NOT NULL`,
          [commentId],
        ),
      );
      const hide =
        (agreement!.concern >= safeguardingHideReporters && agreement!.concernAnchored) ||
        (agreement!.any >= flagHideThreshold && agreement!.anyAnchored);
      // A safeguarding concern, now or before, keeps the item with the round's safeguarding officers.
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
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'comment.flagged',
        targetType: 'comment',
        targetId: commentId,
        details: { reason: dto.reason, ...(hide ? { hiddenPendingReview: true } : {}) },
      });
      if (hide) {
        events.push(
          await this.threads.append(manager, {
            consultationId: comment.consultationId,
            recommendationCode: comment.recommendationCode,
            type: 'comment.removed',
            commentId,
          }),
        );
      }
      return { commentId, reason: dto.reason, createdAt: flag.createdAt };
    });
    this.threads.announce(events);
    return receipt;
  }
}
