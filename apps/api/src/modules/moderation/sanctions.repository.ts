import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocaleCode } from '@compact-voices/contracts';
import { rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { SAFEGUARDING_SQL } from './moderation-access.repository.js';
import { sanctionSelect, type SanctionRow } from './sanction.presenter.js';

/**
 * SQL (boolean): whether account `u` is one of the people who moderate round `round` (a uuid
 * parameter, may be NULL): an admin, the platform's safeguarding team, or a moderator or
 * safeguarding officer of that round. Only an admin sanctions them (or co-signs their sanction).
 */
function protectedTargetSql(round: string): string {
  return `('admin' = ANY(u.roles) OR 'safeguarding' = ANY(u.roles)
    OR EXISTS (SELECT 1 FROM consultation_moderator m WHERE m.consultation_id = ${round}::uuid AND m.user_id = u.id)
    OR EXISTS (SELECT 1 FROM consultation_safeguarding_officer o WHERE o.consultation_id = ${round}::uuid AND o.user_id = u.id))`;
}

/** What acting on a sanction needs to know about it. */
export interface SanctionFacts {
  id: string;
  userId: string;
  consultationId: string | null;
  /** The round judged for who is protected: the sanction's, else its comment's. */
  protectionRound: string | null;
  commentId: string | null;
  safeguarding: boolean;
  status: string;
  lifted: boolean;
  live: boolean;
  createdBy: string | null;
  conflictTies: string[];
  until: string;
  ruleCode: string;
  ruleVersion: number;
}

/** The comment a sanction is sought over, as creating it reads it. */
export interface SanctionedComment {
  authorId: string | null;
  consultationId: string;
  safeguarding: boolean;
}

/** A sanction as inserted into `sanction`. */
export interface SanctionInsert {
  userId: string;
  until: string;
  ruleCode: string;
  ruleVersion: number;
  reason: string;
  commentId: string | null;
  createdBy: string;
  consultationId: string | null;
  status: 'awaiting-cosign' | 'in-force';
  conflictTies: string[];
}

/** The SQL of sanctions; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class SanctionsRepository extends SqlRepository {
  // ---- Reads ----

  async comment(commentId: string): Promise<SanctionedComment | undefined> {
    const [comment]: SanctionedComment[] = await this.dataSource.query(
      `SELECT c.author_id AS "authorId", c.consultation_id AS "consultationId", ${SAFEGUARDING_SQL} AS safeguarding FROM comment c WHERE c.id = $1`,
      [commentId],
    );
    return comment;
  }

  async consultationExists(consultationId: string): Promise<boolean> {
    const [round] = await this.dataSource.query(`SELECT 1 FROM consultation WHERE id = $1`, [consultationId]);
    return Boolean(round);
  }

  /** Every sanction, newest first (at most 500). */
  all(locale: LocaleCode): Promise<SanctionRow[]> {
    return this.dataSource.query(`${sanctionSelect('$1')} ORDER BY s.created_at DESC, s.id LIMIT 500`, [locale]);
  }

  /** A round's sanctions, newest first (at most 500): those over safeguarding items only with `safeguards`, the others only with `moderates`. */
  ofRound(consultationId: string, locale: LocaleCode, moderates: boolean, safeguards: boolean): Promise<SanctionRow[]> {
    return this.dataSource.query(
      `${sanctionSelect('$2')} WHERE s.consultation_id = $1
         AND CASE WHEN c.id IS NOT NULL AND ${SAFEGUARDING_SQL} THEN $4::boolean ELSE $3::boolean END
       ORDER BY s.created_at DESC, s.id LIMIT 500`,
      [consultationId, locale, moderates, safeguards],
    );
  }

  async find(id: string, locale: LocaleCode): Promise<SanctionRow | undefined> {
    const [row]: SanctionRow[] = await this.dataSource.query(`${sanctionSelect('$2')} WHERE s.id = $1`, [id, locale]);
    return row;
  }

  async facts(id: string): Promise<SanctionFacts | undefined> {
    const [row]: SanctionFacts[] = await this.dataSource.query(
      `SELECT s.id, s.user_id AS "userId", s.consultation_id AS "consultationId", COALESCE(s.consultation_id, c.consultation_id) AS "protectionRound",
              s.comment_id AS "commentId", (c.id IS NOT NULL AND ${SAFEGUARDING_SQL}) AS safeguarding, s.status,
              s.lifted_at IS NOT NULL AS lifted, s.until > now() AS live, s.created_by AS "createdBy",
              s.conflict_ties AS "conflictTies", ${isoTimestamp('s.until')} AS until,
              s.rule_code AS "ruleCode", s.rule_version AS "ruleVersion"
       FROM sanction s LEFT JOIN comment c ON c.id = s.comment_id WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  // ---- Inside a transaction ----

  /**
   * Locks the active account sanctioned and tells whether it moderates `protectionRound` (see
   * `protectedTargetSql`); undefined when there is no such active account.
   */
  async lockTarget(manager: EntityManager, userId: string, protectionRound: string | null): Promise<{ isProtected: boolean } | undefined> {
    const [target]: Array<{ isProtected: boolean }> = await manager.query(
      `SELECT ${protectedTargetSql('$2')} AS "isProtected" FROM app_user u WHERE u.id = $1 AND u.status = 'active' FOR UPDATE OF u`,
      [userId, protectionRound],
    );
    return target;
  }

  /** Returns the new sanction's id. */
  async insert(manager: EntityManager, input: SanctionInsert): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO sanction (user_id, until, rule_code, rule_version, reason, comment_id, created_by, consultation_id, status, conflict_ties)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        input.userId,
        input.until,
        input.ruleCode,
        input.ruleVersion,
        input.reason,
        input.commentId,
        input.createdBy,
        input.consultationId,
        input.status,
        input.conflictTies,
      ],
    );
    return row!.id;
  }

  /** The second signature puts a live, unlifted proposal in force; false when it no longer awaits one. */
  async markCosigned(manager: EntityManager, id: string, cosignerId: string): Promise<boolean> {
    const [signed] = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE sanction SET status = 'in-force', cosigned_by = $2, cosigned_at = now()
           WHERE id = $1 AND status = 'awaiting-cosign' AND lifted_at IS NULL AND until > now() RETURNING id`,
        [id, cosignerId],
      ),
    );
    return Boolean(signed);
  }

  /** Lifts a sanction (one awaiting its co-signature lapses); undefined when it was already lifted. */
  async markLifted(
    manager: EntityManager,
    id: string,
    actorId: string,
  ): Promise<{ userId: string; consultationId: string | null } | undefined> {
    const [row] = rowsOf<{ userId: string; consultationId: string | null }>(
      await manager.query(
        `UPDATE sanction SET lifted_at = now(), lifted_by = $2, status = CASE WHEN status = 'awaiting-cosign' THEN 'lapsed' ELSE status END
         WHERE id = $1 AND lifted_at IS NULL RETURNING user_id AS "userId", consultation_id AS "consultationId"`,
        [id, actorId],
      ),
    );
    return row;
  }

  /** The account stays suspended until the end of its longest global sanction still in force (none: not suspended). */
  async recomputeSuspension(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET suspended_until = (
           SELECT max(until) FROM sanction WHERE user_id = $1 AND consultation_id IS NULL AND status = 'in-force' AND lifted_at IS NULL AND until > now())
         WHERE id = $1`,
      [userId],
    );
  }

  /** Suspends the account until `until` at least. */
  async extendSuspension(manager: EntityManager, userId: string, until: string): Promise<void> {
    await manager.query(`UPDATE app_user SET suspended_until = GREATEST(COALESCE(suspended_until, $2), $2) WHERE id = $1`, [userId, until]);
  }

  /** Ends the account's sessions; returns their ids. */
  async revokeSessions(manager: EntityManager, userId: string): Promise<string[]> {
    const revoked = rowsOf<{ id: string }>(
      await manager.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId]),
    );
    return revoked.map((session) => session.id);
  }
}
