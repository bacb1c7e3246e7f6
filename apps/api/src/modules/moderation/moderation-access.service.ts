import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@compact-voices/contracts';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';

/** What a moderation check needs to know about the comment acted on. */
export interface ModerationTarget {
  consultationId: string;
  /** Ever the subject of a safeguarding concern: then it is the safeguarding role's alone, for good. */
  safeguarding: boolean;
}

/** SQL for `safeguarding` of comment `c`. */
export const SAFEGUARDING_SQL = `(c.review_queue IS NOT DISTINCT FROM 'safeguarding' OR EXISTS (SELECT 1 FROM comment_flag sf WHERE sf.comment_id = c.id AND sf.reason = 'safeguarding'))`;

/**
 * SQL (boolean): whether the reader handles safeguarding concerns of round `consultation` — a
 * safeguarding officer of it, the platform's safeguarding team (the global role), or an admin while
 * the round has no officer. Parameters: the reader's id, whether they hold the role, whether admin.
 */
export function safeguardsRoundSql(consultation: string, userParam: string, teamParam: string, adminParam: string): string {
  return `(${teamParam}::boolean
    OR EXISTS (SELECT 1 FROM consultation_safeguarding_officer so WHERE so.consultation_id = ${consultation} AND so.user_id = ${userParam}::uuid)
    OR (${adminParam}::boolean AND NOT EXISTS (SELECT 1 FROM consultation_safeguarding_officer so WHERE so.consultation_id = ${consultation})))`;
}

/**
 * A moderator's conflict of interest with a comment: a government tie to a country the comment is
 * about (its scope: see the `comment_scope` database function). For a protected author any tie is
 * a conflict and its country is never named, so that asking for a co-signature reveals nothing.
 */
export interface Conflict {
  conflicted: boolean;
  /** The country to name as the reason; null when there is none or it must not be said. */
  disclosedCountry: string | null;
  /** The ties behind it, recorded with the proposal and never shown: a co-signer shares none. */
  ties: string[];
}

export const NO_CONFLICT: Conflict = { conflicted: false, disclosedCountry: null, ties: [] };

export function notAModerator(): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, ErrorCode.NOT_A_MODERATOR, 'You do not moderate this');
}

/**
 * Who may moderate what. A round's moderators (assigned by admins) and admins act on its
 * comments; safeguarding items belong to the round's safeguarding officers (and the platform's
 * safeguarding team; admins while a round has none) — general moderators neither see nor decide
 * them. A government tie (an active membership of a government-side organisation of a country,
 * verified or not) is a conflict of interest for comments about that country.
 */
@Injectable()
export class ModerationAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async moderatesRound(user: AuthUser, consultationId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (isAdmin(user)) return true;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM consultation_moderator WHERE consultation_id = $1 AND user_id = $2`, [
      consultationId,
      user.id,
    ]);
    return rows.length > 0;
  }

  async assertModeratesRound(user: AuthUser, consultationId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.moderatesRound(user, consultationId, manager))) throw notAModerator();
  }

  /** Whether the reader handles the round's safeguarding concerns (see `safeguardsRoundSql`). */
  async safeguardsRound(user: AuthUser, consultationId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [row]: Array<{ ok: boolean }> = await manager.query(`SELECT ${safeguardsRoundSql('$1::uuid', '$2', '$3', '$4')} AS ok`, [
      consultationId,
      user.id,
      user.roles.includes('safeguarding'),
      isAdmin(user),
    ]);
    return row?.ok === true;
  }

  /** Safeguarding items: the round's safeguarding officers (see above); everything else: its moderators and admins. */
  async mayDecide(user: AuthUser, target: ModerationTarget, manager?: EntityManager): Promise<boolean> {
    return target.safeguarding
      ? this.safeguardsRound(user, target.consultationId, manager)
      : this.moderatesRound(user, target.consultationId, manager);
  }

  async assertMayDecide(user: AuthUser, target: ModerationTarget, manager?: EntityManager): Promise<void> {
    if (!(await this.mayDecide(user, target, manager))) throw notAModerator();
  }

  /** The reader's conflict of interest with a comment, judged on the comment's scope. */
  async conflict(user: AuthUser, commentId: string, manager: EntityManager = this.dataSource.manager): Promise<Conflict> {
    const ties = await this.governmentTies(user.id, manager);
    if (ties.length === 0) return NO_CONFLICT;
    const [scope]: Array<{ countries: string[]; undisclosed: boolean }> = await manager.query(
      `SELECT countries, undisclosed FROM comment_scope($1)`,
      [commentId],
    );
    if (!scope) return NO_CONFLICT;
    if (scope.undisclosed) return { conflicted: true, disclosedCountry: null, ties };
    const hits = ties.filter((iso3) => scope.countries.includes(iso3));
    return hits.length > 0 ? { conflicted: true, disclosedCountry: hits[0]!, ties: hits } : NO_CONFLICT;
  }

  /** Whether the reader shares any of the ties recorded with a proposal (and so may not co-sign it). */
  async sharesTie(user: AuthUser, ties: string[], manager?: EntityManager): Promise<boolean> {
    if (ties.length === 0) return false;
    return (await this.governmentTies(user.id, manager)).some((iso3) => ties.includes(iso3));
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
