import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@compact-voices/contracts';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { isAdmin } from '../consultations/consultations.service.js';

/** What a moderation check needs to know about the comment acted on. */
export interface ModerationTarget {
  consultationId: string;
  /** Ever the subject of a safeguarding concern: then it is the safeguarding role's alone, for good. */
  safeguarding: boolean;
}

/** SQL for `safeguarding` of comment `c`. */
export const SAFEGUARDING_SQL = `(c.review_queue IS NOT DISTINCT FROM 'safeguarding' OR EXISTS (SELECT 1 FROM comment_flag sf WHERE sf.comment_id = c.id AND sf.reason = 'safeguarding'))`;

export function notAModerator(): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, ErrorCode.NOT_A_MODERATOR, 'You do not moderate this');
}

/**
 * Who may moderate what. A round's moderators (assigned by admins) and admins act on its
 * comments; safeguarding items belong to the safeguarding role alone — general moderators and
 * admins without that role neither see nor decide them. A government tie (an active membership
 * of a government organisation of a country) is a conflict of interest for comments about that country.
 */
@Injectable()
export class ModerationAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async moderatesRound(user: AuthUser, consultationId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (isAdmin(user)) return true;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM consultation_moderator WHERE consultation_id = $1 AND user_id = $2`, [consultationId, user.id]);
    return rows.length > 0;
  }

  async assertModeratesRound(user: AuthUser, consultationId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.moderatesRound(user, consultationId, manager))) throw notAModerator();
  }

  async assertMayDecide(user: AuthUser, target: ModerationTarget, manager?: EntityManager): Promise<void> {
    if (target.safeguarding) {
      if (!user.roles.includes('safeguarding')) throw notAModerator();
      return;
    }
    await this.assertModeratesRound(user, target.consultationId, manager);
  }

  /** Countries whose government the person is tied to through an active organisation membership. */
  async governmentTies(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ iso3: string }> = await manager.query(
      `SELECT DISTINCT o.country_iso3 AS iso3
       FROM organisation_membership m
       JOIN organisation o ON o.id = m.organisation_id
       JOIN stakeholder_type st ON st.code = o.stakeholder_type
       WHERE m.user_id = $1 AND m.status = 'active' AND st.side = 'government'`,
      [userId],
    );
    return rows.map((row) => row.iso3);
  }
}
