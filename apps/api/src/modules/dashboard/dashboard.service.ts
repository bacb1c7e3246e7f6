import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Dashboard, ExportFilters, StakeholderTypeCode } from '@compact-voices/contracts';
import { filterClause } from '../exports/filter-clause.js';
import { CIVIL_SOCIETY_SIDE, GOVERNMENT_SIDE, MIN_CELL, perceptionGapFromCounts, seedFrom } from '../ratings/rating-statistics.js';

const CACHE_MS = 30_000;
const CACHE_ENTRIES = 200;

/**
 * Public aggregates for the dashboard, with the export filters: medians per principle × country,
 * distributions and perception gaps per recommendation, and participation per week. Groups under
 * MIN_CELL raters show no numbers. Results are cached briefly per filter set.
 */
@Injectable()
export class DashboardService {
  private readonly cache = new Map<string, { at: number; value: Dashboard }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dashboard(filters: ExportFilters): Promise<Dashboard> {
    const key = JSON.stringify(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = await this.compute(filters);
    if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  private async compute(filters: ExportFilters): Promise<Dashboard> {
    const scope = filterClause(filters);
    const ratings = { sql: scope.where('x', 'rater_stakeholder_type', 'updated_at'), params: scope.params };
    const from = `FROM rating x JOIN recommendation r ON r.code = x.recommendation_code`;
    const [cells, histograms, sides, participation] = await Promise.all([
      this.dataSource.query(
        `SELECT r.principle_code AS "principleCode", x.country_iso3 AS "countryIso3", count(*)::int AS raters,
                count(x.score)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY x.score) AS median
         ${from} WHERE ${ratings.sql} GROUP BY 1, 2 ORDER BY 1, 2`,
        ratings.params,
      ) as Promise<Array<{ principleCode: string; countryIso3: string; raters: number; n: number; median: number | null }>>,
      this.dataSource.query(
        `SELECT x.recommendation_code AS "recommendationCode", x.score, count(*)::int AS count ${from} WHERE ${ratings.sql} GROUP BY 1, 2 ORDER BY 1, 2`,
        ratings.params,
      ) as Promise<Array<{ recommendationCode: string; score: number | null; count: number }>>,
      this.dataSource.query(
        `SELECT x.recommendation_code AS "recommendationCode", x.rater_stakeholder_type AS "stakeholderType", (o.verified_at IS NOT NULL) AS verified, x.score, count(*)::int AS count
         ${from} LEFT JOIN organisation o ON o.id = x.rater_organisation_id WHERE ${ratings.sql} AND x.score IS NOT NULL GROUP BY 1, 2, 3, 4`,
        ratings.params,
      ) as Promise<Array<{ recommendationCode: string; stakeholderType: StakeholderTypeCode; verified: boolean; score: number; count: number }>>,
      this.participation(filters),
    ]);

    const distributions = new Map<string, Record<'0' | '1' | '2' | '3' | '4' | 'dontKnow', number>>();
    for (const row of histograms) {
      const counts = distributions.get(row.recommendationCode) ?? { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, dontKnow: 0 };
      counts[row.score === null ? 'dontKnow' : (String(row.score) as '0')] += row.count;
      distributions.set(row.recommendationCode, counts);
    }
    const gapCounts = new Map<string, { government: number[]; civilSociety: number[] }>();
    for (const row of sides) {
      const entry = gapCounts.get(row.recommendationCode) ?? { government: [0, 0, 0, 0, 0], civilSociety: [0, 0, 0, 0, 0] };
      if (GOVERNMENT_SIDE.includes(row.stakeholderType) && row.verified) entry.government[row.score]! += row.count;
      if (CIVIL_SOCIETY_SIDE.includes(row.stakeholderType)) entry.civilSociety[row.score]! += row.count;
      gapCounts.set(row.recommendationCode, entry);
    }
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    return {
      filters,
      heatmap: cells.map((cell) => {
        const suppressed = cell.raters < MIN_CELL;
        return { principleCode: cell.principleCode, countryIso3: cell.countryIso3, n: suppressed ? null : cell.n, median: suppressed || cell.median === null ? null : Number(cell.median), suppressed };
      }),
      distributions: [...distributions.entries()].map(([recommendationCode, counts]) => {
        const total = Object.values(counts).reduce((all, count) => all + count, 0);
        const suppressed = total < MIN_CELL;
        return { recommendationCode, n: suppressed ? null : total - counts.dontKnow, counts: suppressed ? null : counts, suppressed };
      }),
      gaps: [...gapCounts.entries()]
        .filter(([, side]) => sum(side.government) >= MIN_CELL && sum(side.civilSociety) >= MIN_CELL)
        .flatMap(([recommendationCode, side]) => {
          const gap = perceptionGapFromCounts(side.government, side.civilSociety, seedFrom(`dashboard/${key(filters)}/${recommendationCode}`));
          return gap ? [{ recommendationCode, ...gap }] : [];
        }),
      participation,
    };
  }

  /** Distinct people per ISO week and stakeholder type; weeks with fewer than MIN_CELL people of a type are left out. */
  private async participation(filters: ExportFilters): Promise<Dashboard['participation']> {
    const scope = filterClause(filters);
    const comments = { sql: scope.where('x', 'author_stakeholder_type', 'created_at'), params: scope.params };
    const ratings = { sql: scope.where('x', 'rater_stakeholder_type', 'updated_at'), params: scope.params };
    const rows: Dashboard['participation'] = await this.dataSource.query(
      `SELECT week, "stakeholderType", count(DISTINCT person)::int AS people FROM (
         SELECT to_char(date_trunc('week', x.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, x.author_stakeholder_type AS "stakeholderType", x.author_id AS person
         FROM comment x
         WHERE x.status <> 'deleted' AND ${comments.sql}
         UNION ALL
         SELECT to_char(date_trunc('week', x.updated_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD'), x.rater_stakeholder_type, x.user_id
         FROM rating x
         WHERE ${ratings.sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + 9}`)}
       ) t GROUP BY 1, 2 HAVING count(DISTINCT person) >= ${MIN_CELL} ORDER BY 1, 2`,
      [...comments.params, ...ratings.params],
    );
    return rows;
  }
}

function key(filters: ExportFilters): string {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('&');
}
