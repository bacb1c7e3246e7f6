import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OfficialAssessment, Rating, StakeholderTypeCode } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import type { RatingRow } from '../disclosure/statistics.js';

const RATING_COLUMNS = `consultation_id AS "consultationId", recommendation_code AS "recommendationCode", country_iso3 AS "countryIso3",
  score, dont_know AS "dontKnow", evidence, evidence_url AS "evidenceUrl", ${isoTimestamp('updated_at')} AS "updatedAt"`;

/** One person's rating of one cell: a round's recommendation in one country. */
export interface RatingKey {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
  userId: string;
}

/** What a rating says, with the rater's acting identity copied onto it. */
export interface RatingValues {
  score: number | null;
  dontKnow: boolean;
  evidence: string | null;
  evidenceUrl: string | null;
  raterStakeholderType: StakeholderTypeCode;
  raterOrganisationId: string | null;
  raterCountryIso3: string | null;
  raterProtected: boolean;
  raterOrganisationVerified: boolean;
}

/** A rating as it is now, as the admins' unpublished summary reads it. */
export interface CurrentRatingRow {
  score: number | null;
  stakeholderType: RatingRow['stakeholderType'];
  verified: boolean;
  raterCountry: string | null;
  countryIso3: string;
}

/** An official assessment with the organisation that posted it (all null when it has none). */
export type OfficialAssessmentRow = OfficialAssessment & {
  organisationId: string | null;
  organisationName: string | null;
  organisationVerified: boolean;
};

/** A cell of a round: a recommendation in one country. */
export interface RatingCell {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
}

/** The SQL of ratings and official assessments; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class RatingsRepository extends SqlRepository {
  // ---- Ratings ----

  /** The person's ratings of a thread, one per country, in country order. */
  mine(consultationId: string, recommendationCode: string, userId: string): Promise<Rating[]> {
    return this.dataSource.query(
      `SELECT ${RATING_COLUMNS} FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND user_id = $3 ORDER BY country_iso3`,
      [consultationId, recommendationCode, userId],
    );
  }

  /** Every rating of a thread as it is now (of one country, or of all when `countryIso3` is null). */
  current(consultationId: string, recommendationCode: string, countryIso3: string | null): Promise<CurrentRatingRow[]> {
    return this.dataSource.query(
      `SELECT score, rater_stakeholder_type AS "stakeholderType", rater_organisation_verified AS verified, rater_country_iso3 AS "raterCountry", country_iso3 AS "countryIso3"
       FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND ($3::text IS NULL OR country_iso3 = $3)`,
      [consultationId, recommendationCode, countryIso3],
    );
  }

  // ---- Rating (inside the rating's transaction) ----

  /** Inserts the person's rating of the cell unless they already have one; returns whether it did. */
  async insertIfNew(manager: EntityManager, key: RatingKey, values: RatingValues): Promise<boolean> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO rating (consultation_id, recommendation_code, country_iso3, user_id, score, dont_know, evidence, evidence_url,
                             rater_stakeholder_type, rater_organisation_id, rater_country_iso3, rater_protected, rater_organisation_verified)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT ON CONSTRAINT rating_one_per_participant_key DO NOTHING
         RETURNING id`,
      [key.consultationId, key.recommendationCode, key.countryIso3, key.userId, ...valueParams(values)],
    );
    return inserted.length > 0;
  }

  /** Locks the person's existing rating of the cell; undefined when there is none. */
  async lock(manager: EntityManager, key: RatingKey): Promise<{ id: string } | undefined> {
    const [existing]: Array<{ id: string }> = await manager.query(
      `SELECT id FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3 AND user_id = $4 FOR UPDATE`,
      [key.consultationId, key.recommendationCode, key.countryIso3, key.userId],
    );
    return existing;
  }

  /** Moves the rating's current value to its history. */
  async insertRevision(manager: EntityManager, ratingId: string): Promise<void> {
    await manager.query(
      `INSERT INTO rating_revision (rating_id, score, dont_know, evidence, evidence_url, rater_stakeholder_type, rater_organisation_id, rater_country_iso3,
                                       rater_organisation_verified, rated_at)
           SELECT id, score, dont_know, evidence, evidence_url, rater_stakeholder_type, rater_organisation_id, rater_country_iso3, rater_organisation_verified, updated_at
           FROM rating WHERE id = $1`,
      [ratingId],
    );
  }

  /** Replaces the rating's value. */
  async update(manager: EntityManager, ratingId: string, values: RatingValues): Promise<void> {
    await manager.query(
      `UPDATE rating SET score = $2, dont_know = $3, evidence = $4, evidence_url = $5, rater_stakeholder_type = $6,
                  rater_organisation_id = $7, rater_country_iso3 = $8, rater_protected = $9, rater_organisation_verified = $10, updated_at = clock_timestamp()
           WHERE id = $1`,
      [ratingId, ...valueParams(values)],
    );
  }

  /** The person's rating of the cell as it now reads. */
  async findOwn(manager: EntityManager, key: RatingKey): Promise<Rating | undefined> {
    const [row]: Rating[] = await manager.query(
      `SELECT ${RATING_COLUMNS} FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3 AND user_id = $4`,
      [key.consultationId, key.recommendationCode, key.countryIso3, key.userId],
    );
    return row;
  }

  // ---- Official assessments ----

  /** The cell's official assessment with the organisation that posted it; undefined when there is none. */
  async official(cell: RatingCell, manager: EntityManager = this.dataSource.manager): Promise<OfficialAssessmentRow | undefined> {
    const [row]: OfficialAssessmentRow[] = await manager.query(
      `SELECT a.country_iso3 AS "countryIso3", a.score, a.narrative, ${isoTimestamp('a.updated_at')} AS "updatedAt",
              o.id AS "organisationId", o.name AS "organisationName", o.verified_at IS NOT NULL AS "organisationVerified"
       FROM official_assessment a LEFT JOIN organisation o ON o.id = a.organisation_id
       WHERE a.consultation_id = $1 AND a.recommendation_code = $2 AND a.country_iso3 = $3`,
      [cell.consultationId, cell.recommendationCode, cell.countryIso3],
    );
    return row;
  }

  // ---- Posting an official assessment (inside its transaction) ----

  /** The person's oldest verified government organisation of that country, through an active membership. */
  async governmentOrganisationOf(manager: EntityManager, userId: string, countryIso3: string): Promise<{ id: string } | undefined> {
    const [organisation]: Array<{ id: string }> = await manager.query(
      `SELECT o.id FROM organisation o JOIN organisation_membership m ON m.organisation_id = o.id
         WHERE m.user_id = $1 AND m.status = 'active' AND o.verified_at IS NOT NULL AND o.stakeholder_type = 'government' AND o.country_iso3 = $2
         ORDER BY o.created_at LIMIT 1`,
      [userId, countryIso3],
    );
    return organisation;
  }

  /** Keeps the cell's current official assessment, if any, in its history. */
  async insertOfficialRevision(manager: EntityManager, cell: RatingCell): Promise<void> {
    await manager.query(
      `INSERT INTO official_assessment_revision (consultation_id, recommendation_code, country_iso3, score, narrative, author_id, assessed_at)
         SELECT consultation_id, recommendation_code, country_iso3, score, narrative, author_id, updated_at FROM official_assessment
         WHERE consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3`,
      [cell.consultationId, cell.recommendationCode, cell.countryIso3],
    );
  }

  /** Creates or replaces the cell's official assessment. */
  async upsertOfficial(
    manager: EntityManager,
    cell: RatingCell,
    assessment: { score: number; narrative: string; organisationId: string; authorId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO official_assessment (consultation_id, recommendation_code, country_iso3, score, narrative, organisation_id, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (consultation_id, recommendation_code, country_iso3)
         DO UPDATE SET score = EXCLUDED.score, narrative = EXCLUDED.narrative, organisation_id = EXCLUDED.organisation_id,
                       author_id = EXCLUDED.author_id, updated_at = clock_timestamp()`,
      [
        cell.consultationId,
        cell.recommendationCode,
        cell.countryIso3,
        assessment.score,
        assessment.narrative,
        assessment.organisationId,
        assessment.authorId,
      ],
    );
  }
}

/** A rating's values as bound after its key ($5…$13 of the insert, $2…$10 of the update). */
function valueParams(values: RatingValues): unknown[] {
  return [
    values.score,
    values.dontKnow,
    values.evidence,
    values.evidenceUrl,
    values.raterStakeholderType,
    values.raterOrganisationId,
    values.raterCountryIso3,
    values.raterProtected,
    values.raterOrganisationVerified,
  ];
}
