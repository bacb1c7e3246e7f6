import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StakeholderTypeCode } from '@compact-voices/contracts';
import {
  histogramOf,
  peopleIn,
  sideOf,
  type ContributorState,
  type History,
  type Predicate,
  type ReleasePlan,
  type Side,
  type Snapshot,
} from './release-audit.js';

export interface CellKey {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
}

const CELL = `consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3`;
const cellParams = (cell: CellKey) => [cell.consultationId, cell.recommendationCode, cell.countryIso3];

/**
 * The SQL of releases: a cell's history and current ratings in, a new release out. Every call takes
 * the caller's `EntityManager`: its transaction's, or the data source's outside one.
 */
@Injectable()
export class RatingReleasesRepository {
  /** Creates the cell's row if needed and locks it: releases of one cell happen one at a time. */
  async lockCell(manager: EntityManager, cell: CellKey): Promise<number> {
    await manager.query(
      `INSERT INTO rating_cell (consultation_id, recommendation_code, country_iso3) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      cellParams(cell),
    );
    const [row]: Array<{ lastRelease: number }> = await manager.query(
      `SELECT last_release AS "lastRelease" FROM rating_cell WHERE ${CELL} FOR UPDATE`,
      cellParams(cell),
    );
    return row?.lastRelease ?? 0;
  }

  /** Every release of the cell, oldest first, and the rating versions they published. */
  async history(manager: EntityManager, cell: CellKey): Promise<History> {
    const releases: Array<{ no: number; predicates: Predicate[] }> = await manager.query(
      `SELECT release_no AS no, predicates FROM rating_release WHERE ${CELL} ORDER BY release_no`,
      cellParams(cell),
    );
    if (releases.length === 0) return { releases: [], versions: [] };
    const versions: Array<{
      ratingId: string;
      score: number | null;
      dontKnow: boolean;
      type: StakeholderTypeCode;
      side: Side;
      from: number;
      to: number | null;
    }> = await manager.query(
      `SELECT rating_id AS "ratingId", score, dont_know AS "dontKnow", stakeholder_type AS type, side, from_release AS "from", to_release AS "to"
       FROM released_rating WHERE ${CELL}`,
      cellParams(cell),
    );
    return {
      releases,
      versions: versions.map((version) => ({
        contributor: version.ratingId,
        state: { leaf: { kind: version.dontKnow ? 'd' : 's', type: version.type, side: version.side }, score: version.score },
        from: version.from,
        to: version.to,
      })),
    };
  }

  /**
   * The cell's ratings that count now: their account verified (or since erased) and at least
   * `minAgeHours` old. Also when the next account behind a rating of this cell comes of age.
   */
  async current(
    manager: EntityManager,
    cell: CellKey,
    minAgeHours: number,
  ): Promise<{ snapshot: Snapshot; checkAt: Date | null; accounts: Map<string, string | null> }> {
    const rows: Array<{
      id: string;
      userId: string | null;
      score: number | null;
      dontKnow: boolean;
      type: StakeholderTypeCode;
      verified: boolean;
      raterCountry: string | null;
      eligible: boolean;
      eligibleAt: Date | null;
    }> = await manager.query(
      `SELECT r.id, r.user_id AS "userId", r.score, r.dont_know AS "dontKnow", r.rater_stakeholder_type AS type, r.rater_organisation_verified AS verified,
                r.rater_country_iso3 AS "raterCountry",
                COALESCE(u.created_at <= now() - make_interval(hours => $4) AND (u.status = 'erased' OR u.email_verified_at IS NOT NULL), false) AS eligible,
                CASE WHEN u.status = 'active' AND u.email_verified_at IS NOT NULL THEN u.created_at + make_interval(hours => $4) END AS "eligibleAt"
         FROM rating r LEFT JOIN app_user u ON u.id = r.user_id
         WHERE r.consultation_id = $1 AND r.recommendation_code = $2 AND r.country_iso3 = $3`,
      [...cellParams(cell), minAgeHours],
    );
    const snapshot = new Map<string, ContributorState>();
    const accounts = new Map<string, string | null>();
    let checkAt: Date | null = null;
    for (const row of rows) {
      accounts.set(row.id, row.userId);
      if (!row.eligible) {
        if (row.eligibleAt && (!checkAt || row.eligibleAt < checkAt)) checkAt = row.eligibleAt;
        continue;
      }
      snapshot.set(row.id, {
        leaf: { kind: row.dontKnow ? 'd' : 's', type: row.type, side: sideOf(row.type, row.verified, row.raterCountry, cell.countryIso3) },
        score: row.score,
      });
    }
    return { snapshot, checkAt, accounts };
  }

  async setCheckAt(manager: EntityManager, cell: CellKey, checkAt: Date | null): Promise<void> {
    await manager.query(`UPDATE rating_cell SET check_at = $4 WHERE ${CELL}`, [...cellParams(cell), checkAt]);
  }

  /** Writes release `no`: the changed ratings' published copies, the release, and its statistics. */
  async write(
    manager: EntityManager,
    cell: CellKey,
    no: number,
    previous: Snapshot,
    plan: ReleasePlan,
    gap: { value: number; ciLow: number; ciHigh: number } | null,
    accounts: ReadonlyMap<string, string | null>,
  ): Promise<void> {
    const ended = new Set<string>();
    const started: Array<[string, ContributorState]> = [];
    for (const [id, state] of previous) {
      const next = plan.snapshot.get(id);
      if (
        !next ||
        next.score !== state.score ||
        next.leaf.kind !== state.leaf.kind ||
        next.leaf.type !== state.leaf.type ||
        next.leaf.side !== state.leaf.side
      )
        ended.add(id);
    }
    for (const [id, state] of plan.snapshot) {
      const before = previous.get(id);
      if (!before || ended.has(id)) started.push([id, state]);
    }
    if (ended.size > 0) {
      await manager.query(
        `UPDATE released_rating SET to_release = $4 WHERE ${CELL} AND to_release IS NULL AND rating_id = ANY($5::uuid[])`,
        [...cellParams(cell), no, [...ended]],
      );
    }
    if (started.length > 0) {
      await manager.query(
        `INSERT INTO released_rating (consultation_id, recommendation_code, country_iso3, rating_id, user_id, score, dont_know, stakeholder_type, side, from_release)
         SELECT $1, $2, $3, v.rating_id, v.user_id, v.score, v.score IS NULL, v.type, v.side, $4
         FROM unnest($5::uuid[], $6::uuid[], $7::smallint[], $8::text[], $9::text[]) AS v(rating_id, user_id, score, type, side)`,
        [
          ...cellParams(cell),
          no,
          started.map(([id]) => id),
          started.map(([id]) => accounts.get(id) ?? null),
          started.map(([, s]) => s.score),
          started.map(([, s]) => s.leaf.type),
          started.map(([, s]) => s.leaf.side),
        ],
      );
    }
    await manager.query(
      `INSERT INTO rating_release (consultation_id, recommendation_code, country_iso3, release_no, predicates, gap_value, gap_ci_low, gap_ci_high)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8)`,
      [...cellParams(cell), no, plan.predicates, gap?.value ?? null, gap?.ciLow ?? null, gap?.ciHigh ?? null],
    );
    const statistics = plan.predicates.map((predicate) => {
      const counts = predicate === 'dk' ? [0, 0, 0, 0, 0] : histogramOf(plan.snapshot, predicate);
      return { predicate, people: peopleIn(plan.snapshot, predicate), counts };
    });
    await manager.query(
      `INSERT INTO rating_statistic (consultation_id, recommendation_code, country_iso3, release_no, predicate, people, s0, s1, s2, s3, s4)
       SELECT $1, $2, $3, $4, v.predicate, v.people, v.s0, v.s1, v.s2, v.s3, v.s4
       FROM unnest($5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[]) AS v(predicate, people, s0, s1, s2, s3, s4)`,
      [
        ...cellParams(cell),
        no,
        statistics.map((s) => s.predicate),
        statistics.map((s) => s.people),
        ...[0, 1, 2, 3, 4].map((score) => statistics.map((s) => s.counts[score])),
      ],
    );
    await manager.query(`UPDATE rating_cell SET last_release = $4 WHERE ${CELL}`, [...cellParams(cell), no]);
  }

  /** Cells whose ratings have no cell row yet (data from before releases existed), a page at a time. */
  async unreleasedCells(manager: EntityManager, limit: number): Promise<CellKey[]> {
    return manager.query(
      `SELECT DISTINCT r.consultation_id AS "consultationId", r.recommendation_code AS "recommendationCode", r.country_iso3 AS "countryIso3"
       FROM rating r
       WHERE NOT EXISTS (SELECT 1 FROM rating_cell c WHERE c.consultation_id = r.consultation_id AND c.recommendation_code = r.recommendation_code AND c.country_iso3 = r.country_iso3)
       LIMIT $1`,
      [limit],
    );
  }

  /** Cells an account of which has come of age since they were last looked at. */
  async dueCells(manager: EntityManager, limit: number): Promise<CellKey[]> {
    return manager.query(
      `SELECT consultation_id AS "consultationId", recommendation_code AS "recommendationCode", country_iso3 AS "countryIso3"
       FROM rating_cell WHERE check_at <= now() ORDER BY check_at LIMIT $1`,
      [limit],
    );
  }

  /** Asks the sweep to look at the cell again at once (a release of it failed). */
  async markDue(manager: EntityManager, cell: CellKey): Promise<void> {
    await manager.query(
      `UPDATE rating_cell SET check_at = now() WHERE consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3`,
      [cell.consultationId, cell.recommendationCode, cell.countryIso3],
    );
  }

  /** Brings the planner's statistics of the release tables up to date (after releases made in bulk). */
  async analyze(manager: EntityManager): Promise<void> {
    await manager.query(`ANALYZE rating_cell, rating_release, released_rating, rating_statistic`);
  }

  /** How many cells have at least one release. */
  async releasedCellCount(manager: EntityManager): Promise<number> {
    const [{ cells }]: Array<{ cells: number }> = await manager.query(
      `SELECT count(*)::int AS cells FROM rating_cell WHERE last_release > 0`,
    );
    return cells;
  }
}
