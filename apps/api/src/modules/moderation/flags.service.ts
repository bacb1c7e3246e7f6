import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, type FlagReceipt, type FlagRequest } from '@compact-voices/contracts';
import { assertVerified } from '../../core/auth/assert-verified.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { AppConfig } from '../../config/app-config.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';

/**
 * Flags: once per person and comment, with a reason and an optional note. Enough flags from
 * distinct people hide the comment pending review; a safeguarding concern hides it at once and
 * moves it to the restricted queue. Nobody — not moderators either — learns who flagged.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationsService,
    private readonly threads: ThreadLogService,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
  ) {}

  async flag(commentId: string, dto: FlagRequest, user: AuthUser): Promise<FlagReceipt> {
    assertVerified(user);
    await this.rateLimits.consume('flagsPerUser', user.id);
    // Visibility first, outside the transaction (the embedded database has a single connection).
    const [visible]: Array<{ consultationId: string }> = await this.dataSource.query(`SELECT consultation_id AS "consultationId" FROM comment WHERE id = $1`, [commentId]);
    if (!visible) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
    await this.consultations.assertVisible(visible.consultationId, user);
    const events: ThreadDomainEvent[] = [];
    const receipt = await this.dataSource.transaction(async (manager) => {
      const [comment]: Array<{ consultationId: string; recommendationCode: string; status: string }> = await manager.query(
        `SELECT consultation_id AS "consultationId", recommendation_code AS "recommendationCode", status FROM comment
         WHERE id = $1 AND status = 'published' FOR UPDATE`,
        [commentId],
      );
      if (!comment) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.COMMENT_NOT_FOUND, 'No such comment');
      const [flag]: Array<{ createdAt: string }> = await manager.query(
        `INSERT INTO comment_flag (comment_id, user_id, reason, note) VALUES ($1, $2, $3, $4)
         ON CONFLICT (comment_id, user_id) DO NOTHING RETURNING ${isoTimestamp('created_at')} AS "createdAt"`,
        [commentId, user.id, dto.reason, dto.note?.trim() || null],
      );
      if (!flag) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.FLAG_EXISTS, 'You have already reported this comment');
      const safeguarding = dto.reason === 'safeguarding';
      // A safeguarding concern, now or before, keeps the item with the safeguarding team.
      const [after] = rowsOf<{ status: string }>(await manager.query(
        `UPDATE comment c SET
           flag_count = c.flag_count + 1,
           review_queue = CASE WHEN $2 OR EXISTS (SELECT 1 FROM comment_flag f WHERE f.comment_id = c.id AND f.reason = 'safeguarding') THEN 'safeguarding'
                               ELSE COALESCE(c.review_queue, 'general') END,
           held_reason = CASE WHEN $2 THEN 'safeguarding' ELSE COALESCE(c.held_reason, 'flags') END,
           queued_at = COALESCE(c.queued_at, now()),
           status = CASE WHEN $2 OR c.flag_count + 1 >= $3 THEN 'hidden' ELSE c.status END,
           -- Only a change of state moves the optimistic lock; one more flag does not invalidate a moderator's view.
           version = c.version + CASE WHEN $2 OR c.flag_count + 1 >= $3 THEN 1 ELSE 0 END
         WHERE c.id = $1
         RETURNING c.status`,
        [commentId, safeguarding, this.config.moderation.flagHideThreshold],
      ));
      if (after?.status === 'hidden') {
        events.push(await this.threads.append(manager, { consultationId: comment.consultationId, recommendationCode: comment.recommendationCode, type: 'comment.removed', commentId }));
      }
      return { commentId, reason: dto.reason, createdAt: flag.createdAt };
    });
    this.threads.announce(events);
    return receipt;
  }
}
