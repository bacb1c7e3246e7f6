import { Injectable } from '@nestjs/common';
import type { ExportFilters, StakeholderTypeCode } from '@compact-voices/contracts';
import { authorNameSql, authorNamedSql } from '../comments/author-label.js';
import type { Query } from '../disclosure/published-statistics.repository.js';
import { filterClause } from './filter-clause.js';

/** The round a report is about (dates as whole UTC days). */
export interface ReportRound {
  title: string;
  opensAt: string;
  closesAt: string;
  moderationMode: string;
}

export interface RecommendationRow {
  code: string;
  text: string;
  principleCode: string;
  principleTitle: string;
}

/** A country's official self-assessment of a recommendation. */
export interface OfficialRow {
  recommendationCode: string;
  countryIso3: string;
  score: number;
}

/** A comment the round's moderators highlighted, with the name its author reads as. */
export interface HighlightedRow {
  recommendationCode: string;
  body: string;
  author: string;
  countryIso3: string | null;
}

/** A rating as it stands, with what deciding its rater's side needs. */
export interface RatingEvidenceRow {
  recommendationCode: string;
  countryIso3: string;
  score: number | null;
  stakeholderType: StakeholderTypeCode;
  verified: boolean;
  raterCountry: string | null;
}

/** People counted per stakeholder type; with `null`, the total. */
export interface PeopleRow<Type = StakeholderTypeCode> {
  stakeholderType: Type;
  people: number;
}

/** Full reports' totals. */
export interface ReportTotals {
  people: number;
  comments: number;
  ratings: number;
}

/**
 * The SQL of the PDF report. Every statement runs in the export's snapshot, so each method takes
 * its reader as a `Query`; the filters are the export's (see `filterClause`).
 */
@Injectable()
export class ReportRepository {
  /** The round's title, dates and moderation mode; undefined when there is no such round. */
  async round(query: Query, consultationId: string): Promise<ReportRound | undefined> {
    const [round] = await query<ReportRound>(
      `SELECT title, to_char(opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "opensAt", to_char(closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "closesAt",
                  moderation_mode AS "moderationMode" FROM consultation WHERE id = $1`,
      [consultationId],
    );
    return round;
  }

  /** The recommendations in the filters (a round without a list of its own covers every one), in catalogue order. */
  recommendations(query: Query, filters: ExportFilters): Promise<RecommendationRow[]> {
    return query<RecommendationRow>(
      `SELECT r.code, r.text, r.principle_code AS "principleCode", p.title AS "principleTitle"
       FROM recommendation r JOIN principle p ON p.code = r.principle_code
       WHERE ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM consultation_recommendation cr WHERE cr.consultation_id = $1 AND cr.recommendation_code = r.code)
              OR NOT EXISTS (SELECT 1 FROM consultation_recommendation cr WHERE cr.consultation_id = $1))
         AND ($2::text IS NULL OR r.principle_code = $2) AND ($3::text IS NULL OR r.code = $3)
         AND ($4::int IS NULL OR EXISTS (SELECT 1 FROM recommendation_objective ro WHERE ro.recommendation_code = r.code AND ro.objective_number = $4))
       ORDER BY p.position, r.position`,
      [
        filters.consultationId ?? null,
        filters.principleCode?.toUpperCase() ?? null,
        filters.recommendationCode?.toUpperCase() ?? null,
        filters.objectiveNumber ?? null,
      ],
    );
  }

  /** Official self-assessments in the filters, by country. */
  official(query: Query, filters: ExportFilters): Promise<OfficialRow[]> {
    const scope = filterClause(filters);
    return query<OfficialRow>(
      `SELECT x.recommendation_code AS "recommendationCode", x.country_iso3 AS "countryIso3", x.score FROM official_assessment x
       WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', time: 'x.updated_at' })} ORDER BY x.country_iso3`,
      scope.params,
    );
  }

  /** Published comments in the filters that moderators highlighted, in the order they were highlighted. */
  highlighted(query: Query, filters: ExportFilters): Promise<HighlightedRow[]> {
    const scope = filterClause(filters);
    return query<HighlightedRow>(
      `SELECT x.recommendation_code AS "recommendationCode", x.body, x.country_iso3 AS "countryIso3",
              CASE WHEN ${authorNamedSql({ comment: 'x', author: 'u' })} THEN u.display_name || ' (' || x.author_stakeholder_type || ')'
                   ELSE ${authorNameSql({ comment: 'x', author: 'u' })} END AS author
       FROM comment x LEFT JOIN app_user u ON u.id = x.author_id
       WHERE x.status = 'published' AND x.highlighted_at IS NOT NULL AND ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.author_stakeholder_type', time: 'x.created_at' })}
       ORDER BY x.highlighted_at, x.id`,
      scope.params,
    );
  }

  /** Full reports: every rating in the filters as it stands. */
  ratings(query: Query, filters: ExportFilters): Promise<RatingEvidenceRow[]> {
    const scope = filterClause(filters);
    return query<RatingEvidenceRow>(
      `SELECT x.recommendation_code AS "recommendationCode", x.country_iso3 AS "countryIso3", x.score, x.rater_stakeholder_type AS "stakeholderType",
              x.rater_organisation_verified AS verified, x.rater_country_iso3 AS "raterCountry"
       FROM rating x WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.rater_stakeholder_type', time: 'x.updated_at' })}`,
      scope.params,
    );
  }

  /**
   * Public reports: the people behind published comments and published ratings in the filters, per
   * stakeholder type, the total first.
   */
  publishedPeople(query: Query, filters: ExportFilters): Promise<Array<PeopleRow<StakeholderTypeCode | null>>> {
    const scope = filterClause(filters);
    return query<PeopleRow<StakeholderTypeCode | null>>(
      `WITH contributors AS (
         SELECT x.author_stakeholder_type AS stakeholder_type, x.author_id::text AS person FROM comment x
         WHERE x.status = 'published' AND ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.author_stakeholder_type', time: 'x.created_at' })}
         UNION
         SELECT x.stakeholder_type, x.person FROM (
           SELECT v.consultation_id, v.recommendation_code, v.country_iso3, v.stakeholder_type, v.released_at, COALESCE(v.user_id, v.rating_id)::text AS person
           FROM released_rating v
           JOIN rating_cell c ON c.consultation_id = v.consultation_id AND c.recommendation_code = v.recommendation_code AND c.country_iso3 = v.country_iso3
           JOIN rating_release rel ON rel.consultation_id = v.consultation_id AND rel.recommendation_code = v.recommendation_code
                                  AND rel.country_iso3 = v.country_iso3 AND rel.release_no = c.last_release
           WHERE v.to_release IS NULL AND ((NOT v.dont_know AND 'total' = ANY(rel.predicates)) OR (v.dont_know AND 'dk' = ANY(rel.predicates)))
         ) x WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.stakeholder_type', time: 'x.released_at' })}
       )
       SELECT stakeholder_type AS "stakeholderType", count(DISTINCT person)::int AS people FROM contributors GROUP BY ROLLUP (stakeholder_type) ORDER BY 1 NULLS FIRST`,
      scope.params,
    );
  }

  /** Public reports: the published comments in the filters. */
  async publishedCommentCount(query: Query, filters: ExportFilters): Promise<number | undefined> {
    const scope = filterClause(filters);
    const [comments] = await query<{ comments: number }>(
      `SELECT count(*)::int AS comments FROM comment x WHERE x.status = 'published' AND ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.author_stakeholder_type', time: 'x.created_at' })}`,
      scope.params,
    );
    return comments?.comments;
  }

  /** Full reports: every person, published comment and rating in the filters. */
  async totals(query: Query, filters: ExportFilters): Promise<ReportTotals | undefined> {
    const scope = filterClause(filters);
    const [totals] = await query<ReportTotals>(
      `SELECT (SELECT count(DISTINCT person)::int FROM (SELECT author_id AS person FROM comment x WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.author_stakeholder_type', time: 'x.created_at' })}
                                                      UNION SELECT user_id FROM rating x WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.rater_stakeholder_type', time: 'x.updated_at' })}) people) AS people,
              (SELECT count(*)::int FROM comment x WHERE x.status = 'published' AND ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.author_stakeholder_type', time: 'x.created_at' })}) AS comments,
              (SELECT count(*)::int FROM rating x WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.rater_stakeholder_type', time: 'x.updated_at' })}) AS ratings`,
      scope.params,
    );
    return totals;
  }

  /** Full reports: everyone who commented or rated in the filters, per stakeholder type. */
  peopleByType(query: Query, filters: ExportFilters): Promise<PeopleRow[]> {
    const scope = filterClause(filters);
    return query<PeopleRow>(
      `SELECT stakeholder_type AS "stakeholderType", count(DISTINCT person)::int AS people FROM (
         SELECT author_stakeholder_type AS stakeholder_type, author_id AS person FROM comment x WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.author_stakeholder_type', time: 'x.created_at' })}
         UNION ALL SELECT rater_stakeholder_type, user_id FROM rating x WHERE ${scope.where({ consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.rater_stakeholder_type', time: 'x.updated_at' })}) t
       GROUP BY 1 ORDER BY 1`,
      scope.params,
    );
  }
}
