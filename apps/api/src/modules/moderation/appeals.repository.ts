import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APPEAL_OVERDUE_DAYS, APPEAL_WINDOW_DAYS, type AppealOutcome } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { COMMENT_JOINS, commentColumns, type CommentRow } from '../comments/comment.presenter.js';
import { SAFEGUARDING_SQL } from './moderation-access.repository.js';

export interface AppealRow {
  id: string;
  decisionId: string | null;
  sanctionId: string | null;
  appellantId: string | null;
  text: string;
  outcome: 'upheld' | 'overturned' | null;
  outcomeReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  overdue: boolean;
  /** The round of the decision or sanction; null for a global sanction. */
  consultationId: string | null;
  /** The comment decided on, or that led to the sanction (null for a sanction without one). */
  commentId: string | null;
  safeguarding: boolean;
  /** The decision's maker, or the sanction's proposer. */
  decidedBy: string | null;
  cosignedBy: string | null;
}

/** A decision as filing an appeal against it reads it. */
export interface AppealableDecision {
  id: string;
  status: string;
  action: string;
  authorId: string | null;
  inWindow: boolean;
  superseded: boolean;
}

/** A sanction as filing an appeal against it reads it. */
export interface AppealableSanction {
  userId: string;
  inForce: boolean;
  inWindow: boolean;
}

/** An appeal is of a decision (`d`) or of a sanction (`s`), never both (appeal_subject_check). */
const APPEAL_SELECT = `
  SELECT a.id, a.decision_id AS "decisionId", a.sanction_id AS "sanctionId", a.appellant_id AS "appellantId", a.text, a.outcome, a.outcome_reason AS "outcomeReason",
         ${isoTimestamp('a.created_at')} AS "createdAt", ${isoTimestamp('a.decided_at')} AS "decidedAt",
         (a.outcome IS NULL AND a.created_at < now() - make_interval(days => ${APPEAL_OVERDUE_DAYS})) AS overdue,
         COALESCE(d.consultation_id, s.consultation_id) AS "consultationId", COALESCE(d.comment_id, s.comment_id) AS "commentId",
         (c.id IS NOT NULL AND ${SAFEGUARDING_SQL}) AS safeguarding,
         CASE WHEN d.id IS NOT NULL THEN d.decided_by ELSE s.created_by END AS "decidedBy",
         CASE WHEN d.id IS NOT NULL THEN d.cosigned_by ELSE s.cosigned_by END AS "cosignedBy"
  FROM appeal a
  LEFT JOIN moderation_decision d ON d.id = a.decision_id
  LEFT JOIN sanction s ON s.id = a.sanction_id
  LEFT JOIN comment c ON c.id = COALESCE(d.comment_id, s.comment_id)`;

/** The SQL of appeals; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class AppealsRepository extends SqlRepository {
  // ---- Reads ----

  async find(appealId: string): Promise<AppealRow | undefined> {
    const [row]: AppealRow[] = await this.dataSource.query(`${APPEAL_SELECT} WHERE a.id = $1`, [appealId]);
    return row;
  }

  /** A round's appeals but for safeguarding items, pending first (at most 200); `status` keeps only pending or decided ones. */
  ofRound(consultationId: string, status: 'pending' | 'decided' | null): Promise<AppealRow[]> {
    return this.dataSource.query(
      `${APPEAL_SELECT} WHERE (d.consultation_id = $1 OR s.consultation_id = $1) AND NOT (c.id IS NOT NULL AND ${SAFEGUARDING_SQL})
         AND ($2::text IS NULL OR ($2 = 'pending') = (a.outcome IS NULL))
       ORDER BY (a.outcome IS NULL) DESC, a.created_at LIMIT 200`,
      [consultationId, status],
    );
  }

  /** The comment concerned, as `readerId` sees it. */
  async comment(commentId: string, readerId: string): Promise<CommentRow | undefined> {
    const [comment]: Array<CommentRow | undefined> = await this.dataSource.query(
      `SELECT ${commentColumns('$2::uuid')} FROM comment c ${COMMENT_JOINS} WHERE c.id = $1`,
      [commentId, readerId],
    );
    return comment;
  }

  async appealableDecision(decisionId: string): Promise<AppealableDecision | undefined> {
    const [decision]: AppealableDecision[] = await this.dataSource.query(
      `SELECT d.id, d.status, d.action, c.author_id AS "authorId",
              d.applied_at + make_interval(days => ${APPEAL_WINDOW_DAYS}) > now() AS "inWindow",
              EXISTS (SELECT 1 FROM moderation_decision later WHERE later.comment_id = d.comment_id AND later.status = 'applied' AND later.applied_at > d.applied_at) AS superseded
       FROM moderation_decision d JOIN comment c ON c.id = d.comment_id WHERE d.id = $1`,
      [decisionId],
    );
    return decision;
  }

  async appealableSanction(sanctionId: string): Promise<AppealableSanction | undefined> {
    const [sanction]: AppealableSanction[] = await this.dataSource.query(
      `SELECT user_id AS "userId", (status = 'in-force' AND lifted_at IS NULL AND until > now()) AS "inForce",
              COALESCE(cosigned_at, created_at) + make_interval(days => ${APPEAL_WINDOW_DAYS}) > now() AS "inWindow"
       FROM sanction WHERE id = $1`,
      [sanctionId],
    );
    return sanction;
  }

  // ---- Inside a transaction ----

  /** Files an appeal of a decision; undefined when it was already appealed. */
  async insertForDecision(manager: EntityManager, decisionId: string, appellantId: string, text: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO appeal (decision_id, appellant_id, text) VALUES ($1, $2, $3) ON CONFLICT (decision_id) DO NOTHING RETURNING id`,
      [decisionId, appellantId, text],
    );
    return row?.id;
  }

  /** Files an appeal of a sanction; undefined when it was already appealed. */
  async insertForSanction(manager: EntityManager, sanctionId: string, appellantId: string, text: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO appeal (sanction_id, appellant_id, text) VALUES ($1, $2, $3) ON CONFLICT (sanction_id) DO NOTHING RETURNING id`,
      [sanctionId, appellantId, text],
    );
    return row?.id;
  }

  /** Locks the appeal and returns its outcome (null while pending; undefined if there is no such appeal). */
  async lockOutcome(manager: EntityManager, appealId: string): Promise<string | null | undefined> {
    const [locked]: Array<{ outcome: string | null }> = await manager.query(`SELECT outcome FROM appeal WHERE id = $1 FOR UPDATE`, [
      appealId,
    ]);
    return locked?.outcome;
  }

  async recordOutcome(manager: EntityManager, appealId: string, outcome: AppealOutcome, reason: string, deciderId: string): Promise<void> {
    await manager.query(`UPDATE appeal SET outcome = $2, outcome_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`, [
      appealId,
      outcome,
      reason,
      deciderId,
    ]);
  }

  /** The rule the appealed decision applied (a restoring decision cites it). */
  async originalRule(manager: EntityManager, decisionId: string): Promise<{ ruleCode: string; ruleVersion: number } | undefined> {
    const [original]: Array<{ ruleCode: string; ruleVersion: number }> = await manager.query(
      `SELECT rule_code AS "ruleCode", rule_version AS "ruleVersion" FROM moderation_decision WHERE id = $1`,
      [decisionId],
    );
    return original;
  }
}
