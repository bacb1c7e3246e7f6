import type { ExportFilters } from '@compact-voices/contracts';

/**
 * The shared filters (round, principle, recommendation, objective, country, subregion, stakeholder
 * type, from/to) as one WHERE clause over a table aliased `x` that has consultation_id,
 * recommendation_code and country_iso3 — for the report and the dashboard alike. Parameters are
 * $1…$9; an unset filter is NULL and lets everything through.
 */
export function filterClause(filters: ExportFilters): {
  params: unknown[];
  where: (alias: string, typeColumn: string | null, timeColumn: string) => string;
} {
  const params: unknown[] = [
    filters.consultationId ?? null,
    filters.principleCode?.toUpperCase() ?? null,
    filters.recommendationCode?.toUpperCase() ?? null,
    filters.objectiveNumber ?? null,
    filters.countryIso3?.toUpperCase() ?? null,
    filters.subregion ?? null,
    filters.stakeholderType ?? null,
    filters.from ?? null,
    filters.to ?? null,
  ];
  return {
    params,
    where: (x, typeColumn, timeColumn) =>
      [
        `($1::uuid IS NULL OR ${x}.consultation_id = $1)`,
        `($2::text IS NULL OR EXISTS (SELECT 1 FROM recommendation fr WHERE fr.code = ${x}.recommendation_code AND fr.principle_code = $2))`,
        `($3::text IS NULL OR ${x}.recommendation_code = $3)`,
        `($4::int IS NULL OR EXISTS (SELECT 1 FROM recommendation_objective fo WHERE fo.recommendation_code = ${x}.recommendation_code AND fo.objective_number = $4))`,
        `($5::text IS NULL OR ${x}.country_iso3 = $5)`,
        `($6::text IS NULL OR EXISTS (SELECT 1 FROM country fc WHERE fc.iso3 = ${x}.country_iso3 AND fc.subregion = $6))`,
        typeColumn ? `($7::text IS NULL OR ${x}.${typeColumn} = $7)` : `($7::text IS NULL OR TRUE)`,
        `($8::timestamptz IS NULL OR ${x}.${timeColumn} >= $8)`,
        `($9::timestamptz IS NULL OR ${x}.${timeColumn} < $9)`,
      ].join(' AND '),
  };
}
