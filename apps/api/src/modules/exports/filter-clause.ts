import type { ExportFilters } from '@compact-voices/contracts';

/** The columns a filter applies to, as SQL expressions (a table without one ignores that filter). */
export interface FilterColumns {
  consultation?: string;
  recommendation?: string;
  country?: string;
  stakeholderType?: string;
  time?: string;
}

/**
 * The shared filters (round, principle, recommendation, objective, country, subregion, stakeholder
 * type, from/to), each written once: its value, its type, and its condition on a column.
 */
const FILTERS: ReadonlyArray<{
  value: (filters: ExportFilters) => unknown;
  type: 'uuid' | 'text' | 'int' | 'timestamptz';
  column: keyof FilterColumns;
  condition: (column: string, param: string) => string;
}> = [
  { value: (f) => f.consultationId, type: 'uuid', column: 'consultation', condition: (c, p) => `${c} = ${p}` },
  {
    value: (f) => f.principleCode?.toUpperCase(),
    type: 'text',
    column: 'recommendation',
    condition: (c, p) => `EXISTS (SELECT 1 FROM recommendation fr WHERE fr.code = ${c} AND fr.principle_code = ${p})`,
  },
  { value: (f) => f.recommendationCode?.toUpperCase(), type: 'text', column: 'recommendation', condition: (c, p) => `${c} = ${p}` },
  {
    value: (f) => f.objectiveNumber,
    type: 'int',
    column: 'recommendation',
    condition: (c, p) =>
      `EXISTS (SELECT 1 FROM recommendation_objective fo WHERE fo.recommendation_code = ${c} AND fo.objective_number = ${p})`,
  },
  { value: (f) => f.countryIso3?.toUpperCase(), type: 'text', column: 'country', condition: (c, p) => `${c} = ${p}` },
  {
    value: (f) => f.subregion,
    type: 'text',
    column: 'country',
    condition: (c, p) => `EXISTS (SELECT 1 FROM country fc WHERE fc.iso3 = ${c} AND fc.subregion = ${p})`,
  },
  { value: (f) => f.stakeholderType, type: 'text', column: 'stakeholderType', condition: (c, p) => `${c} = ${p}` },
  { value: (f) => f.from, type: 'timestamptz', column: 'time', condition: (c, p) => `${c} >= ${p}` },
  { value: (f) => f.to, type: 'timestamptz', column: 'time', condition: (c, p) => `${c} < ${p}` },
];

/**
 * The filters as one clause with fixed parameters $1…$9 (an unset filter is NULL and lets
 * everything through), so one statement can repeat it over several tables: the report's queries.
 */
export function filterClause(filters: ExportFilters): { params: unknown[]; where: (columns: FilterColumns) => string } {
  return {
    params: FILTERS.map((filter) => filter.value(filters) ?? null),
    where: (columns) =>
      FILTERS.map((filter, index) => {
        const param = `$${index + 1}::${filter.type}`;
        const column = columns[filter.column];
        return column ? `(${param} IS NULL OR ${filter.condition(column, param)})` : `(${param} IS NULL OR TRUE)`;
      }).join(' AND '),
  };
}

/** The filters that are set, bound after `leading` parameters (the exports' pseudonym seed is $1). */
export class FilterSql {
  readonly params: unknown[];
  readonly clauses: string[] = [];

  constructor(filters: ExportFilters, columns: FilterColumns, leading: unknown[] = []) {
    this.params = [...leading];
    for (const filter of FILTERS) {
      const value = filter.value(filters);
      const column = columns[filter.column];
      if (value === undefined || value === null || value === '' || !column) continue;
      this.params.push(value);
      this.clauses.push(filter.condition(column, `$${this.params.length}::${filter.type}`));
    }
  }

  where(...always: string[]): string {
    return [...always, ...this.clauses].join(' AND ') || 'TRUE';
  }
}
