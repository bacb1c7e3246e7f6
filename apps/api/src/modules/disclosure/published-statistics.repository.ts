import type { ExportFilters, StakeholderTypeCode } from '@compact-voices/contracts';

/** Runs a query: the app's data source, a transaction's manager, or an export's snapshot reader. */
export type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** What a published group of a cell showed at its latest release (as of a moment). */
export interface PublishedGroup {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
  principleCode: string;
  predicate: string;
  people: number;
  counts: [number, number, number, number, number];
  releasedAt: string;
}

export interface PublishedGap {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
  value: number;
  ciLow: number;
  ciHigh: number;
}

/** Which cells: the shared filters (the stakeholder type is a group, not a cell filter) and a moment. */
export interface CellScope {
  consultationId?: string;
  principleCode?: string;
  recommendationCode?: string;
  objectiveNumber?: number;
  countryIso3?: string;
  subregion?: string;
  /** Figures as they stood before this moment (a whole UTC day); unset: as they stand now. */
  asOf?: string;
}

export function cellScope(filters: ExportFilters): CellScope {
  return {
    consultationId: filters.consultationId,
    principleCode: filters.principleCode?.toUpperCase(),
    recommendationCode: filters.recommendationCode?.toUpperCase(),
    objectiveNumber: filters.objectiveNumber,
    countryIso3: filters.countryIso3?.toUpperCase(),
    subregion: filters.subregion,
    asOf: filters.to,
  };
}

/** WHERE over a table aliased `x` with consultation_id, recommendation_code, country_iso3; parameters $1…$6. */
function scopeSql(scope: CellScope): { where: string; params: unknown[] } {
  return {
    where: [
      `($1::uuid IS NULL OR x.consultation_id = $1)`,
      `($2::text IS NULL OR EXISTS (SELECT 1 FROM recommendation fr WHERE fr.code = x.recommendation_code AND fr.principle_code = $2))`,
      `($3::text IS NULL OR x.recommendation_code = $3)`,
      `($4::int IS NULL OR EXISTS (SELECT 1 FROM recommendation_objective fo WHERE fo.recommendation_code = x.recommendation_code AND fo.objective_number = $4))`,
      `($5::text IS NULL OR x.country_iso3 = $5)`,
      `($6::text IS NULL OR EXISTS (SELECT 1 FROM country fc WHERE fc.iso3 = x.country_iso3 AND fc.subregion = $6))`,
    ].join(' AND '),
    params: [
      scope.consultationId ?? null,
      scope.principleCode ?? null,
      scope.recommendationCode ?? null,
      scope.objectiveNumber ?? null,
      scope.countryIso3 ?? null,
      scope.subregion ?? null,
    ],
  };
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The latest published figures of each group of each cell in scope, as of the scope's moment:
 * a group that could not be published in a cell's latest release shows what it last showed.
 * `predicates` limits the groups ('total', 'dk', 'type:…').
 */
export async function latestGroups(query: Query, scope: CellScope, predicates: readonly string[]): Promise<PublishedGroup[]> {
  const { where, params } = scopeSql(scope);
  const rows = await query<{
    consultationId: string;
    recommendationCode: string;
    countryIso3: string;
    principleCode: string;
    predicate: string;
    people: number;
    s0: number;
    s1: number;
    s2: number;
    s3: number;
    s4: number;
    releasedAt: string;
  }>(
    `SELECT DISTINCT ON (x.consultation_id, x.recommendation_code, x.country_iso3, x.predicate)
            x.consultation_id AS "consultationId", x.recommendation_code AS "recommendationCode", x.country_iso3 AS "countryIso3",
            r.principle_code AS "principleCode", x.predicate, x.people, x.s0, x.s1, x.s2, x.s3, x.s4, ${ISO('rel.released_at')} AS "releasedAt"
     FROM rating_statistic x
     JOIN rating_release rel ON rel.consultation_id = x.consultation_id AND rel.recommendation_code = x.recommendation_code
                            AND rel.country_iso3 = x.country_iso3 AND rel.release_no = x.release_no
     JOIN recommendation r ON r.code = x.recommendation_code
     WHERE ${where} AND x.predicate = ANY($7::text[]) AND ($8::timestamptz IS NULL OR rel.released_at < $8)
     ORDER BY x.consultation_id, x.recommendation_code, x.country_iso3, x.predicate, x.release_no DESC`,
    [...params, predicates, scope.asOf ?? null],
  );
  return rows.map(({ s0, s1, s2, s3, s4, ...row }) => ({
    ...row,
    people: Number(row.people),
    counts: [s0, s1, s2, s3, s4].map(Number) as PublishedGroup['counts'],
  }));
}

/** The latest published perception gap of each cell in scope (as of the scope's moment). */
export async function latestGaps(query: Query, scope: CellScope): Promise<PublishedGap[]> {
  const { where, params } = scopeSql(scope);
  return query<PublishedGap>(
    `SELECT DISTINCT ON (x.consultation_id, x.recommendation_code, x.country_iso3)
            x.consultation_id AS "consultationId", x.recommendation_code AS "recommendationCode", x.country_iso3 AS "countryIso3",
            x.gap_value AS value, x.gap_ci_low AS "ciLow", x.gap_ci_high AS "ciHigh"
     FROM rating_release x
     WHERE ${where} AND x.gap_value IS NOT NULL AND ($7::timestamptz IS NULL OR x.released_at < $7)
     ORDER BY x.consultation_id, x.recommendation_code, x.country_iso3, x.release_no DESC`,
    [...params, scope.asOf ?? null],
  );
}

/** Distinct people whose ratings the latest releases of a round's cells publish, per recommendation, and the cells published. */
export async function publishedCoverage(
  query: Query,
  consultationId: string,
): Promise<Array<{ recommendationCode: string; raters: number; countries: number }>> {
  return query(
    // The latest release of each cell says which of its ratings are shown (scored, "don't know");
    // then one pass over the open versions, on the covering index released_rating_open_people_idx.
    `WITH cells AS MATERIALIZED (
       SELECT c.recommendation_code, c.country_iso3, 'total' = ANY(rel.predicates) AS scored, 'dk' = ANY(rel.predicates) AS dont_know
       FROM rating_cell c
       JOIN rating_release rel ON rel.consultation_id = c.consultation_id AND rel.recommendation_code = c.recommendation_code
                              AND rel.country_iso3 = c.country_iso3 AND rel.release_no = c.last_release
       WHERE c.consultation_id = $1
     ), people AS (
       SELECT recommendation_code, count(*)::int AS raters FROM (
         SELECT DISTINCT v.recommendation_code, v.user_id
         FROM released_rating v JOIN cells ON cells.recommendation_code = v.recommendation_code AND cells.country_iso3 = v.country_iso3
         WHERE v.consultation_id = $1 AND v.to_release IS NULL AND ((NOT v.dont_know AND cells.scored) OR (v.dont_know AND cells.dont_know))
       ) shown GROUP BY 1
     )
     SELECT cells.recommendation_code AS "recommendationCode", COALESCE(max(people.raters), 0)::int AS raters,
            count(*) FILTER (WHERE cells.scored OR cells.dont_know)::int AS countries
     FROM cells LEFT JOIN people ON people.recommendation_code = cells.recommendation_code
     GROUP BY 1`,
    [consultationId],
  );
}

/**
 * Distinct people per ISO week and stakeholder type who commented (by the comment's date) or whose
 * rating was published (by the date of the release that published it), for the shared filters.
 * Rows under the minimum are dropped by the caller.
 */
export async function participationRows(
  query: Query,
  filters: ExportFilters,
): Promise<Array<{ week: string; stakeholderType: StakeholderTypeCode; people: number }>> {
  const scope = cellScope(filters);
  const { where, params } = scopeSql(scope);
  return query(
    // Distinct (week, type, person) first, then counted: a hash instead of a sort per group.
    `SELECT week, "stakeholderType", count(*)::int AS people FROM (
       SELECT DISTINCT to_char(date_trunc('week', t.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, t."stakeholderType", t.person FROM (
         SELECT x.created_at AS at, x.author_stakeholder_type AS "stakeholderType", x.author_id AS person
         FROM comment x WHERE x.status = 'published' AND ${where}
         UNION ALL
         SELECT x.released_at, x.stakeholder_type, COALESCE(x.user_id, x.rating_id)
         FROM released_rating x
         WHERE x.to_release IS NULL AND ${where}
       ) t
       WHERE ($7::text IS NULL OR t."stakeholderType" = $7) AND ($8::timestamptz IS NULL OR t.at >= date_trunc('week', $8::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
         AND ($9::timestamptz IS NULL OR t.at < $9::timestamptz)
     ) d
     GROUP BY week, "stakeholderType" ORDER BY week, "stakeholderType"`,
    [...params, filters.stakeholderType ?? null, filters.from ?? null, filters.to ?? null],
  );
}
