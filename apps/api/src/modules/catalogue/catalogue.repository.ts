import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  Country,
  ObjectiveSummary,
  PrincipleSummary,
  RecommendationDetail,
  RecommendationSummary,
  StakeholderType,
} from '@compact-voices/contracts';
import { searchWords } from '../../core/content/search-words.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import type { CatalogueData, TranslationFile } from './catalogue.data.js';

export interface RecommendationFilter {
  /** The language to read texts in; English (the default) where an item has no translation. */
  locale?: string;
  principle?: string;
  objective?: number;
  q?: string;
}

/** The translation (alias t) of an item into the language asked for, if any: which language its texts are in, and the provenance. */
const TRANSLATED = `
  COALESCE(t.language, 'en') AS language,
  CASE WHEN t.language IS NULL THEN NULL ELSE json_build_object(
    'status', t.review_status, 'translator', t.translator, 'translatedAt', to_char(t.translated_at, 'YYYY-MM-DD'),
    'reviewer', t.reviewer, 'reviewedAt', ${isoTimestamp('t.reviewed_at')}, 'source', t.source) END AS translation`;

/** Joins the translation (alias t) of `kind` items keyed by `key` into the language at `param` (NULL: none). */
const joinTranslation = (kind: string, key: string, param: string) =>
  `LEFT JOIN content_translation t ON t.subject_kind = '${kind}' AND t.subject_key = ${key} AND t.language = ${param}`;

/** English has no rows in content_translation: asking for it is asking for no translation. */
const translationLanguage = (locale: string | undefined) => (locale && locale !== 'en' ? locale : null);

const RECOMMENDATION_COLUMNS = `
  r.code, r.principle_code AS "principleCode", r.position AS "order", COALESCE(t.fields ->> 'text', r.text) AS text,
  COALESCE(
    (SELECT array_agg(ro.objective_number ORDER BY ro.objective_number)
     FROM recommendation_objective ro WHERE ro.recommendation_code = r.code),
    '{}'
  ) AS "objectiveNumbers",
  ${TRANSLATED}`;

/** The catalogue's SQL: reads (the rows are small and change only with the data files), and `seedCatalogue`, which loads them. */
@Injectable()
export class CatalogueRepository extends SqlRepository {
  listPrinciples(code?: string, locale?: string): Promise<PrincipleSummary[]> {
    return this.dataSource.query(
      `SELECT p.code, p.position AS "order",
              COALESCE(t.fields ->> 'title', p.title) AS title, COALESCE(t.fields ->> 'description', p.description) AS description,
              (SELECT count(*)::int FROM recommendation r WHERE r.principle_code = p.code) AS "recommendationCount",
              ${TRANSLATED}
       FROM principle p
       ${joinTranslation('principle', 'p.code', '$2::text')}
       WHERE $1::text IS NULL OR p.code = $1
       ORDER BY p.position`,
      [code ?? null, translationLanguage(locale)],
    );
  }

  listRecommendations(filter: RecommendationFilter): Promise<RecommendationSummary[]> {
    // With a search query, the best matches come first; otherwise the chapter's order.
    return this.dataSource.query(
      `SELECT ${RECOMMENDATION_COLUMNS}
       FROM recommendation r
       JOIN principle p ON p.code = r.principle_code
       ${joinTranslation('recommendation', 'r.code', '$4::text')}
       WHERE ($1::text IS NULL OR r.principle_code = $1)
         AND ($2::int IS NULL OR EXISTS (
               SELECT 1 FROM recommendation_objective ro
               WHERE ro.recommendation_code = r.code AND ro.objective_number = $2))
         AND ($3::text IS NULL
              OR to_tsvector('english', r.text) @@ websearch_to_tsquery('english', $3)
              -- In the reader's language: the query as a substring, or every one of its words (searchWords:
              -- ICU splits Thai and Chinese, written without spaces), in any order.
              OR strpos(lower(t.fields ->> 'text'), lower(btrim($3))) > 0
              OR (t.fields ->> 'text' IS NOT NULL AND cardinality($5::text[]) > 0 AND NOT EXISTS (
                    SELECT 1 FROM unnest($5::text[]) AS word WHERE strpos(lower(t.fields ->> 'text'), word) = 0))
              OR r.code = upper(btrim($3)))
       ORDER BY
         CASE WHEN $3::text IS NULL THEN 0
              ELSE ts_rank(to_tsvector('english', r.text), websearch_to_tsquery('english', $3)) END DESC,
         p.position, r.position`,
      [
        filter.principle ?? null,
        filter.objective ?? null,
        filter.q ?? null,
        translationLanguage(filter.locale),
        filter.q ? searchWords(filter.q) : [],
      ],
    );
  }

  async findRecommendation(code: string, locale?: string): Promise<RecommendationDetail | undefined> {
    const rows: RecommendationDetail[] = await this.dataSource.query(
      `SELECT r.code, r.principle_code AS "principleCode", r.position AS "order",
              COALESCE(t.fields ->> 'text', r.text) AS text, CASE WHEN t.language IS NULL THEN r.note ELSE t.fields ->> 'note' END AS note,
              ${TRANSLATED},
              COALESCE(
                (SELECT json_agg(json_build_object('number', o.number, 'title', o.title, 'rationale', ro.rationale)
                                 ORDER BY o.number)
                 FROM recommendation_objective ro JOIN objective o ON o.number = ro.objective_number
                 WHERE ro.recommendation_code = r.code),
                '[]'::json
              ) AS objectives
       FROM recommendation r
       ${joinTranslation('recommendation', 'r.code', '$2::text')}
       WHERE r.code = $1`,
      [code, translationLanguage(locale)],
    );
    return rows[0];
  }

  listObjectives(number?: number, locale?: string): Promise<ObjectiveSummary[]> {
    return this.dataSource.query(
      `SELECT o.number, COALESCE(t.fields ->> 'title', o.title) AS title, ${TRANSLATED},
              COALESCE(
                (SELECT array_agg(r.code ORDER BY p.position, r.position)
                 FROM recommendation_objective ro
                 JOIN recommendation r ON r.code = ro.recommendation_code
                 JOIN principle p ON p.code = r.principle_code
                 WHERE ro.objective_number = o.number),
                '{}'
              ) AS "recommendationCodes"
       FROM objective o
       ${joinTranslation('objective', 'o.number::text', '$2::text')}
       WHERE $1::int IS NULL OR o.number = $1
       ORDER BY o.number`,
      [number ?? null, translationLanguage(locale)],
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

/**
 * Loads the catalogue data in the caller's transaction. Idempotent: rows are upserted by their
 * natural keys and only rewritten when they differ; links that left the data file are removed.
 */
export async function seedCatalogue(manager: EntityManager, data: CatalogueData): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  await manager.query(
    `INSERT INTO principle (code, position, title, description)
     SELECT code, "order", title, description
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, "order" int, title text, description text)
     ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, description = EXCLUDED.description
     WHERE (principle.position, principle.title, principle.description) IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.title, EXCLUDED.description)`,
    [json(data.principles)],
  );
  await manager.query(
    `INSERT INTO objective (number, title)
     SELECT number, title FROM jsonb_to_recordset($1::jsonb) AS x(number int, title text)
     ON CONFLICT (number) DO UPDATE SET title = EXCLUDED.title
     WHERE objective.title IS DISTINCT FROM EXCLUDED.title`,
    [json(data.objectives)],
  );
  await manager.query(
    `INSERT INTO recommendation (code, principle_code, position, text, note)
     SELECT code, "principleCode", "order", text, note
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, "principleCode" text, "order" int, text text, note text)
     ON CONFLICT (code) DO UPDATE SET principle_code = EXCLUDED.principle_code, position = EXCLUDED.position, text = EXCLUDED.text, note = EXCLUDED.note
     WHERE (recommendation.principle_code, recommendation.position, recommendation.text, recommendation.note)
       IS DISTINCT FROM (EXCLUDED.principle_code, EXCLUDED.position, EXCLUDED.text, EXCLUDED.note)`,
    [json(data.recommendations)],
  );
  await manager.query(
    `DELETE FROM recommendation_objective ro
     WHERE NOT EXISTS (
       SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS x("recommendationCode" text, "objectiveNumber" int)
       WHERE x."recommendationCode" = ro.recommendation_code AND x."objectiveNumber" = ro.objective_number)`,
    [json(data.links)],
  );
  await manager.query(
    `INSERT INTO recommendation_objective (recommendation_code, objective_number, rationale)
     SELECT "recommendationCode", "objectiveNumber", rationale
     FROM jsonb_to_recordset($1::jsonb) AS x("recommendationCode" text, "objectiveNumber" int, rationale text)
     ON CONFLICT (recommendation_code, objective_number) DO UPDATE SET rationale = EXCLUDED.rationale
     WHERE recommendation_objective.rationale IS DISTINCT FROM EXCLUDED.rationale`,
    [json(data.links)],
  );
  await manager.query(
    `INSERT INTO country (iso3, name, subregion, in_region, membership)
     SELECT iso3, name, subregion, "inRegion", membership
     FROM jsonb_to_recordset($1::jsonb) AS x(iso3 text, name text, subregion text, "inRegion" boolean, membership text)
     ON CONFLICT (iso3) DO UPDATE SET name = EXCLUDED.name, subregion = EXCLUDED.subregion, in_region = EXCLUDED.in_region, membership = EXCLUDED.membership
     WHERE (country.name, country.subregion, country.in_region, country.membership)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.subregion, EXCLUDED.in_region, EXCLUDED.membership)`,
    [json(data.countries)],
  );
  // A type's position is its place in the data file. The position's uniqueness is checked at commit, so a
  // new type may take the place of one that moves on in this same statement (migration 1796300000000).
  await manager.query(
    `INSERT INTO stakeholder_type (code, label, side, position)
     SELECT code, label, side, position
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, label text, side text, position int)
     ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, side = EXCLUDED.side, position = EXCLUDED.position
     WHERE (stakeholder_type.label, stakeholder_type.side, stakeholder_type.position)
       IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.side, EXCLUDED.position)`,
    [json(data.stakeholderTypes.map((type, index) => ({ ...type, position: index + 1 })))],
  );
}

/**
 * Loads the catalogue's translations (./data/translations) in the caller's transaction, after
 * seedCatalogue. Idempotent; a translation reviewed in the database (a published correction) gives
 * way only to a reviewed one in the files.
 */
export async function seedContentTranslations(manager: EntityManager, data: CatalogueData): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  await manager.query(
    `INSERT INTO content_translation (subject_kind, subject_key, language, fields, translator, translated_at, review_status, reviewer, reviewed_at, source)
     SELECT kind, key, language, fields, translator, "translatedAt"::date, status, reviewer, "reviewedAt"::timestamptz, source
     FROM jsonb_to_recordset($1::jsonb)
       AS x(kind text, key text, language text, fields jsonb, translator text, "translatedAt" text, status text, reviewer text, "reviewedAt" text, source text)
     ON CONFLICT (subject_kind, subject_key, language) DO UPDATE SET
       fields = EXCLUDED.fields, translator = EXCLUDED.translator, translated_at = EXCLUDED.translated_at,
       review_status = EXCLUDED.review_status, reviewer = EXCLUDED.reviewer, reviewed_at = EXCLUDED.reviewed_at, source = EXCLUDED.source
     -- A reviewed translation in the database (a published correction) gives way only to a reviewed one in the files.
     WHERE (content_translation.review_status = 'unreviewed' OR EXCLUDED.review_status = 'reviewed')
       AND (content_translation.fields, content_translation.translator, content_translation.translated_at, content_translation.review_status,
            content_translation.reviewer, content_translation.reviewed_at, content_translation.source)
         IS DISTINCT FROM (EXCLUDED.fields, EXCLUDED.translator, EXCLUDED.translated_at, EXCLUDED.review_status,
            EXCLUDED.reviewer, EXCLUDED.reviewed_at, EXCLUDED.source)`,
    [json(data.translations.flatMap(translationRows))],
  );
}

/** One row per translated item of a translation file, with the file's provenance unless the item has its own review. */
function translationRows(file: TranslationFile) {
  const row = (kind: string, key: string, fields: Record<string, string | null>, review = file.review) => ({
    kind,
    key,
    language: file.language,
    fields,
    translator: file.translator,
    translatedAt: file.translatedAt,
    ...review,
  });
  return [
    ...file.principles.map(({ code, title, description, review }) => row('principle', code, { title, description }, review)),
    ...file.objectives.map(({ number, title, review }) => row('objective', String(number), { title }, review)),
    ...file.recommendations.map(({ code, text, note, review }) => row('recommendation', code, { text, note }, review)),
  ];
}
