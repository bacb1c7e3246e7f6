import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlRepository } from '../../core/database/sql-repository.js';

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

/** What a comment is about, for conflicts of interest: see the `comment_scope` database function. */
export interface CommentScope {
  countries: string[];
  /** The author is protected: any tie is a conflict, and no country may be named. */
  undisclosed: boolean;
}

/**
 * The SQL of who may moderate what. Each read takes an optional `EntityManager`: a check made
 * inside a transaction runs in it.
 */
@Injectable()
export class ModerationAccessRepository extends SqlRepository {
  /** Whether the person is one of the round's assigned moderators. */
  async isRoundModerator(consultationId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM consultation_moderator WHERE consultation_id = $1 AND user_id = $2`, [
      consultationId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** See `safeguardsRoundSql`: `team` whether the reader holds the global safeguarding role, `admin` whether they are an admin. */
  async safeguardsRound(
    consultationId: string,
    userId: string,
    team: boolean,
    admin: boolean,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const [row]: Array<{ ok: boolean }> = await manager.query(`SELECT ${safeguardsRoundSql('$1::uuid', '$2', '$3', '$4')} AS ok`, [
      consultationId,
      userId,
      team,
      admin,
    ]);
    return row?.ok === true;
  }

  /** A comment's scope; undefined when there is no such comment. */
  async commentScope(commentId: string, manager: EntityManager = this.dataSource.manager): Promise<CommentScope | undefined> {
    const [scope]: CommentScope[] = await manager.query(`SELECT countries, undisclosed FROM comment_scope($1)`, [commentId]);
    return scope;
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
