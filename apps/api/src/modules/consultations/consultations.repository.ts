import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Consultation, ConsultationStatus, ModerationMode, RoundRoleHolder } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { GOVERNMENT_TIES_SQL } from '../organisations/government-ties.js';

/** Stored status plus the clock: an open round past closes_at reads as closed. */
const CONSULTATION_COLUMNS = `
  c.id, c.title, c.description, c.description_html AS "descriptionHtml",
  ${isoTimestamp('c.opens_at')} AS "opensAt", ${isoTimestamp('c.closes_at')} AS "closesAt", c.moderation_mode AS "moderationMode",
  CASE WHEN c.status = 'open' AND now() >= c.closes_at THEN 'closed' ELSE c.status END AS status,
  (c.status = 'open' AND now() >= c.opens_at AND now() < c.closes_at) AS "acceptingContributions",
  COALESCE((SELECT array_agg(cr.recommendation_code ORDER BY p.position, r.position)
            FROM consultation_recommendation cr JOIN recommendation r ON r.code = cr.recommendation_code
            JOIN principle p ON p.code = r.principle_code WHERE cr.consultation_id = c.id), '{}') AS "recommendationCodes",
  COALESCE((SELECT array_agg(cc.country_iso3 ORDER BY cc.country_iso3) FROM consultation_country cc WHERE cc.consultation_id = c.id), '{}') AS "countryIso3s",
  ${isoTimestamp('c.created_at')} AS "createdAt"`;

/** The tables that assign people to a round. */
export type RoundRoleTable = 'consultation_moderator' | 'consultation_safeguarding_officer';

/** A consultation as inserted into `consultation`. */
export interface ConsultationInsert {
  title: string;
  description: string;
  descriptionHtml: string;
  opensAt: string;
  closesAt: string;
  moderationMode: ModerationMode;
  createdBy: string;
}

/** The columns an update may set; those left undefined keep their value. */
export interface ConsultationColumns {
  title: string | undefined;
  description: string | undefined;
  description_html: string | undefined;
  opens_at: string | undefined;
  closes_at: string | undefined;
  moderation_mode: ModerationMode | undefined;
  status: ConsultationStatus | undefined;
}

/** A consultation's status and window, as an update reads them under lock. */
export interface CurrentWindow {
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
}

/** What `thread` reads about a round and one of its recommendations. */
export interface ThreadRow {
  status: ConsultationStatus;
  moderationMode: 'pre' | 'post';
  acceptingContributions: boolean;
  inScope: boolean;
  countryInScope: boolean;
  lastSeq: string | null;
}

/**
 * The end of the latest round sanction in force against the user, if any. A plain function, not a
 * method: `assertNotSuspendedInRound` is called with a caller's `EntityManager` outside Nest's injection.
 */
export async function suspendedInRoundUntil(manager: EntityManager, consultationId: string, userId: string): Promise<string | null> {
  const [row]: Array<{ until: string | null }> = await manager.query(
    `SELECT ${isoTimestamp('max(until)')} AS until FROM sanction
     WHERE consultation_id = $1 AND user_id = $2 AND status = 'in-force' AND lifted_at IS NULL AND until > now()`,
    [consultationId, userId],
  );
  return row?.until ?? null;
}

/** The SQL of consultations, their scope and their role holders; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class ConsultationsRepository extends SqlRepository {
  // ---- Consultations ----

  /** Every consultation (drafts only with `includeDrafts`), latest opening first. */
  list(includeDrafts: boolean): Promise<Consultation[]> {
    return this.dataSource.query(
      `SELECT ${CONSULTATION_COLUMNS} FROM consultation c WHERE c.status <> 'draft' OR $1 ORDER BY c.opens_at DESC, c.created_at DESC`,
      [includeDrafts],
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Consultation | undefined> {
    const [consultation]: Consultation[] = await manager.query(`SELECT ${CONSULTATION_COLUMNS} FROM consultation c WHERE c.id = $1`, [id]);
    return consultation;
  }

  /** The consultation's stored status (undefined if there is no such consultation). */
  async status(id: string): Promise<string | undefined> {
    const [row]: Array<{ status: string }> = await this.dataSource.query(`SELECT status FROM consultation WHERE id = $1`, [id]);
    return row?.status;
  }

  async exists(id: string): Promise<boolean> {
    const [exists] = await this.dataSource.query(`SELECT 1 FROM consultation WHERE id = $1`, [id]);
    return Boolean(exists);
  }

  /** Inserts a consultation; returns its id. */
  async insert(manager: EntityManager, input: ConsultationInsert): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO consultation (title, description, description_html, opens_at, closes_at, moderation_mode, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [input.title, input.description, input.descriptionHtml, input.opensAt, input.closesAt, input.moderationMode, input.createdBy],
    );
    return id;
  }

  /** Locks the consultation's row and reads its status (an open round past closes_at reads as closed) and window. */
  async lockCurrent(manager: EntityManager, id: string): Promise<CurrentWindow | undefined> {
    const [current]: CurrentWindow[] = await manager.query(
      `SELECT CASE WHEN status = 'open' AND now() >= closes_at THEN 'closed' ELSE status END AS status,
                opens_at AS "opensAt", closes_at AS "closesAt"
         FROM consultation WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return current;
  }

  /** Sets the columns given a value (nothing happens if none is). */
  async update(manager: EntityManager, id: string, columns: ConsultationColumns): Promise<void> {
    const changes = Object.entries(columns).filter(([, value]) => value !== undefined);
    if (changes.length > 0) {
      await manager.query(
        `UPDATE consultation SET ${changes.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
        [id, ...changes.map(([, value]) => value)],
      );
    }
  }

  /** Published comments per recommendation in the round's scope, in catalogue order. */
  coverageCounts(id: string): Promise<Array<{ recommendationCode: string; comments: number }>> {
    return this.dataSource.query(
      `SELECT cr.recommendation_code AS "recommendationCode", COALESCE(m.comments, 0) AS comments
       FROM consultation_recommendation cr
       JOIN recommendation rec ON rec.code = cr.recommendation_code
       JOIN principle p ON p.code = rec.principle_code
       LEFT JOIN (SELECT recommendation_code, count(*)::int AS comments
                  FROM comment WHERE consultation_id = $1 AND status = 'published' GROUP BY recommendation_code) m ON m.recommendation_code = cr.recommendation_code
       WHERE cr.consultation_id = $1
       ORDER BY p.position, rec.position`,
      [id],
    );
  }

  // ---- Threads ----

  /** The round's status and mode, whether the recommendation (and the country, if any) is in its scope, and the thread's latest seq. */
  async threadRow(
    consultationId: string,
    recommendationCode: string,
    countryIso3: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ThreadRow | undefined> {
    const [row]: ThreadRow[] = await manager.query(
      `SELECT c.status, c.moderation_mode AS "moderationMode",
              (c.status = 'open' AND now() >= c.opens_at AND now() < c.closes_at) AS "acceptingContributions",
              EXISTS (SELECT 1 FROM consultation_recommendation cr WHERE cr.consultation_id = c.id AND cr.recommendation_code = $2) AS "inScope",
              ($3::text IS NULL OR EXISTS (SELECT 1 FROM consultation_country cc WHERE cc.consultation_id = c.id AND cc.country_iso3 = $3)) AS "countryInScope",
              (SELECT ts.last_seq FROM thread_sequence ts WHERE ts.consultation_id = c.id AND ts.recommendation_code = $2) AS "lastSeq"
       FROM consultation c WHERE c.id = $1`,
      [consultationId, recommendationCode, countryIso3],
    );
    return row;
  }

  /** The thread's latest event seq, as stored (undefined before the first event). */
  async lastSeq(consultationId: string, recommendationCode: string): Promise<string | undefined> {
    const [row]: Array<{ lastSeq: string }> = await this.dataSource.query(
      `SELECT last_seq AS "lastSeq" FROM thread_sequence WHERE consultation_id = $1 AND recommendation_code = $2`,
      [consultationId, recommendationCode],
    );
    return row?.lastSeq;
  }

  /** See `suspendedInRoundUntil`. */
  suspendedInRoundUntil(consultationId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    return suspendedInRoundUntil(manager, consultationId, userId);
  }

  // ---- Round roles ----

  roleHolders(table: RoundRoleTable, id: string): Promise<RoundRoleHolder[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", ${GOVERNMENT_TIES_SQL} AS "governmentTies"
       FROM ${table} r JOIN app_user u ON u.id = r.user_id WHERE r.consultation_id = $1 ORDER BY u.display_name, u.id`,
      [id],
    );
  }

  /** The ids among the given ones of active accounts. */
  async activeUserIds(manager: EntityManager, userIds: string[]): Promise<string[]> {
    const found: Array<{ id: string }> = await manager.query(`SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND status = 'active'`, [
      userIds,
    ]);
    return found.map((row) => row.id);
  }

  /** Replaces the round's holders of the role with the given people. */
  async replaceRoleHolders(manager: EntityManager, table: RoundRoleTable, id: string, userIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM ${table} WHERE consultation_id = $1`, [id]);
    await manager.query(`INSERT INTO ${table} (consultation_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, userIds]);
  }

  // ---- Scope ----

  async allRecommendationCodes(manager: EntityManager): Promise<string[]> {
    return (await manager.query(`SELECT code FROM recommendation`)).map((row: { code: string }) => row.code);
  }

  /** The codes among the given ones of known recommendations. */
  async knownRecommendationCodes(manager: EntityManager, codes: string[]): Promise<string[]> {
    const known: Array<{ code: string }> = await manager.query(`SELECT code FROM recommendation WHERE code = ANY($1::text[])`, [codes]);
    return known.map((row) => row.code);
  }

  async replaceRecommendations(manager: EntityManager, id: string, codes: string[]): Promise<void> {
    await manager.query(`DELETE FROM consultation_recommendation WHERE consultation_id = $1`, [id]);
    await manager.query(`INSERT INTO consultation_recommendation (consultation_id, recommendation_code) SELECT $1, unnest($2::text[])`, [
      id,
      codes,
    ]);
  }

  async allCountryIso3s(manager: EntityManager): Promise<string[]> {
    return (await manager.query(`SELECT iso3 FROM country`)).map((row: { iso3: string }) => row.iso3);
  }

  /** The codes among the given ones of known countries. */
  async knownCountryIso3s(manager: EntityManager, iso3s: string[]): Promise<string[]> {
    const known: Array<{ iso3: string }> = await manager.query(`SELECT iso3 FROM country WHERE iso3 = ANY($1::text[])`, [iso3s]);
    return known.map((row) => row.iso3);
  }

  async replaceCountries(manager: EntityManager, id: string, iso3s: string[]): Promise<void> {
    await manager.query(`DELETE FROM consultation_country WHERE consultation_id = $1`, [id]);
    await manager.query(`INSERT INTO consultation_country (consultation_id, country_iso3) SELECT $1, unnest($2::text[])`, [id, iso3s]);
  }
}
