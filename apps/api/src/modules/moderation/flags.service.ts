import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, type FlagReceipt, type FlagRequest } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { assertVerified } from '../../core/auth/assert-verified.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { addressLimitKey } from '../../core/security/client-address.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { AppConfig } from '../../config/app-config.js';
import { ConsultationsService, assertNotSuspendedInRound } from '../consultations/consultations.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { FlagsRepository } from './flags.repository.js';

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
    private readonly repository: FlagsRepository,
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
    const consultationId = await this.repository.commentRound(commentId);
    if (!consultationId) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
    await this.consultations.assertVisible(consultationId, user);
    await assertNotSuspendedInRound(this.dataSource.manager, consultationId, user);
    const { flagHideThreshold, safeguardingHideReporters, reporterMinAccountAgeHours } = this.config.moderation;
    const events: ThreadDomainEvent[] = [];
    const receipt = await this.repository.transaction(async (manager) => {
      const comment = await this.repository.lockPublishedComment(manager, commentId);
      if (!comment) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
      const createdAt = await this.repository.insert(manager, {
        commentId,
        userId: user.id,
        reason: dto.reason,
        note: dto.note?.trim() || null,
        clientKey: this.secrets.scopedClientKey(`flag:${commentId}`, address),
        reporterMinAccountAgeHours,
      });
      if (!createdAt) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.FLAG_EXISTS, 'You have already reported this comment');
      const safeguarding = dto.reason === 'safeguarding';
      // Independent agreement among the reports not yet dealt with: one vote per address, established accounts only.
      const agreement = await this.repository.agreement(manager, commentId);
      const hide =
        (agreement.concern >= safeguardingHideReporters && agreement.concernAnchored) ||
        (agreement.any >= flagHideThreshold && agreement.anyAnchored);
      // A safeguarding concern, now or before, keeps the item with the round's safeguarding officers.
      await this.repository.queueFlagged(manager, commentId, safeguarding, hide);
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
      return { commentId, reason: dto.reason, createdAt };
    });
    this.threads.announce(events);
    return receipt;
  }
}
