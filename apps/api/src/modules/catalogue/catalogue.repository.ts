import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  Country,
  ObjectiveSummary,
  PrincipleSummary,
  RecommendationDetail,
  RecommendationSummary,
  StakeholderType,
} from '@compact-voices/contracts';

export interface RecommendationFilter {
  principle?: string;
  objective?: number;
  q?: string;
}

const RECOMMENDATION_COLUMNS = `
  r.code, r.principle_code AS "principleCode", r.position AS "order", r.text,
  COALESCE(
    (SELECT array_agg(ro.objective_number ORDER BY ro.objective_number)
     FROM recommendation_objective ro WHERE ro.recommendation_code = r.code),
    '{}'
  ) AS "objectiveNumbers"`;

/** Read-only SQL for the catalogue; the rows are small and change only with the data files. */
@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listPrinciples(code?: string): Promise<PrincipleSummary[]> {
    return this.dataSource.query(
      `SELECT p.code, p.position AS "order", p.title, p.description,
              (SELECT count(*)::int FROM recommendation r WHERE r.principle_code = p.code) AS "recommendationCount"
       FROM principle p
       WHERE $1::text IS NULL OR p.code = $1
       ORDER BY p.position`,
      [code ?? null],
    );
  }

  listRecommendations(filter: RecommendationFilter): Promise<RecommendationSummary[]> {
    // With a search query, the best matches come first; otherwise the chapter's order.
    return this.dataSource.query(
      `SELECT ${RECOMMENDATION_COLUMNS}
       FROM recommendation r
       JOIN principle p ON p.code = r.principle_code
       WHERE ($1::text IS NULL OR r.principle_code = $1)
         AND ($2::int IS NULL OR EXISTS (
               SELECT 1 FROM recommendation_objective ro
               WHERE ro.recommendation_code = r.code AND ro.objective_number = $2))
         AND ($3::text IS NULL
              OR to_tsvector('english', r.text) @@ websearch_to_tsquery('english', $3)
              OR r.code = upper(btrim($3)))
       ORDER BY
         CASE WHEN $3::text IS NULL THEN 0
              ELSE ts_rank(to_tsvector('english', r.text), websearch_to_tsquery('english', $3)) END DESC,
         p.position, r.position`,
      [filter.principle ?? null, filter.objective ?? null, filter.q ?? null],
    );
  }

  async findRecommendation(code: string): Promise<RecommendationDetail | undefined> {
    const rows: RecommendationDetail[] = await this.dataSource.query(
      `SELECT r.code, r.principle_code AS "principleCode", r.position AS "order", r.text, r.note,
              COALESCE(
                (SELECT json_agg(json_build_object('number', o.number, 'title', o.title, 'rationale', ro.rationale)
                                 ORDER BY o.number)
                 FROM recommendation_objective ro JOIN objective o ON o.number = ro.objective_number
                 WHERE ro.recommendation_code = r.code),
                '[]'::json
              ) AS objectives
       FROM recommendation r
       WHERE r.code = $1`,
      [code],
    );
    return rows[0];
  }

  listObjectives(number?: number): Promise<ObjectiveSummary[]> {
    return this.dataSource.query(
      `SELECT o.number, o.title,
              COALESCE(
                (SELECT array_agg(r.code ORDER BY p.position, r.position)
                 FROM recommendation_objective ro
                 JOIN recommendation r ON r.code = ro.recommendation_code
                 JOIN principle p ON p.code = r.principle_code
                 WHERE ro.objective_number = o.number),
                '{}'
              ) AS "recommendationCodes"
       FROM objective o
       WHERE $1::int IS NULL OR o.number = $1
       ORDER BY o.number`,
      [number ?? null],
    );
  }

  listCountries(filter: { subregion?: string; inRegion?: boolean }): Promise<Country[]> {
    return this.dataSource.query(
      `SELECT c.iso3, c.name, c.subregion, c.in_region AS "inRegion"
       FROM country c
       WHERE ($1::text IS NULL OR c.subregion = $1)
         AND ($2::boolean IS NULL OR c.in_region = $2)
       ORDER BY c.name`,
      [filter.subregion ?? null, filter.inRegion ?? null],
    );
  }

  listStakeholderTypes(): Promise<StakeholderType[]> {
    return this.dataSource.query(`SELECT code, label, side FROM stakeholder_type ORDER BY position`);
  }
}
