import type { ExportFilters, ExportPrivacy } from '@compact-voices/contracts';
import { FilterSql, type FilterColumns } from './filter-clause.js';
import { authorLinkKeySql } from '../comments/author-label.js';
import { CIVIL_SOCIETY_TYPES, GOVERNMENT_TYPES, MIN_PEOPLE } from '../disclosure/release-audit.js';
import { SAFEGUARDING_SQL } from '../moderation/moderation-access.repository.js';

export const TABLE_DATASETS = ['comments', 'ratings', 'official', 'recommendations', 'participation', 'moderation'] as const;
export type TableDataset = (typeof TABLE_DATASETS)[number];

/** Fewer people than this behind a figure: it is not published (the same rule as the API's). */
export const MIN_CELL = MIN_PEOPLE;
export const REDACTED = '[removed by moderation]';
/** The types of each side as an SQL list: the lists sideOf (release-audit.ts) uses, constants of the contract. */
const sqlCodes = (codes: readonly string[]) => codes.map((code) => `'${code}'`).join(', ');
export const PENDING = '[awaiting moderation]';

export interface ColumnSpec {
  name: string;
  type: 'text' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'uuid' | 'code';
  description: string;
  /** Only in full (admin) exports. */
  fullOnly?: boolean;
}

export interface DatasetSpec {
  name: TableDataset;
  title: string;
  description: string;
  /** What a reader can join this dataset's rows to, in a public export (the codebook says it). */
  joins: string;
  columns: ColumnSpec[];
  /** A different set of columns in public exports (a table of published figures instead of rows). */
  publicColumns?: ColumnSpec[];
  /**
   * The whole dataset as it is exported, in a stable order: one output column per column of the
   * privacy level, named as the column, already pseudonymised and withheld as that level requires.
   * SQL is the single source of every exported value, whichever writer turns it into a file.
   */
  query(filters: ExportFilters, privacy: ExportPrivacy, seed: string): { sql: string; params: unknown[] };
}

/** The columns a privacy level gets. */
export function columnsFor(spec: DatasetSpec, privacy: ExportPrivacy): ColumnSpec[] {
  if (privacy === 'public' && spec.publicColumns) return spec.publicColumns;
  return spec.columns.filter((column) => privacy === 'full' || !column.fullOnly);
}

/**
 * Keys that exist only inside one export: the first 12 hex digits of md5(seed ‖ what ‖ value),
 * the seed being 32 random bytes kept with the export — stable within it, unrelated across exports,
 * not reversible without the seed (which is never published). `$1` is the seed. `what` separates
 * the uses, so a person's key in one dataset never equals their key in another.
 */
const exportKey = (prefix: string, what: string, expression: string) => `'${prefix}-' || left(md5($1 || ':${what}:' || ${expression}), 12)`;
/** A comment's key: the same in the comments and moderation datasets of one export, so decisions join their comments. */
const commentKey = (idColumn: string) => `CASE WHEN ${idColumn} IS NOT NULL THEN ${exportKey('C', 'comment', `${idColumn}::text`)} END`;
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The shared filters of a dataset (filter-clause.ts): `$1` is the pseudonym seed, always typed, so a dataset without pseudonyms still prepares. */
class DatasetFilter extends FilterSql {
  constructor(seed: string, filters: ExportFilters, columns: FilterColumns) {
    super(filters, columns, [seed]);
  }

  override where(): string {
    return super.where('$1::text IS NOT NULL');
  }

  query(select: string, orderBy: string): { sql: string; params: unknown[] } {
    return { sql: `${select} WHERE ${this.where()} ORDER BY ${orderBy}`, params: [...this.params] };
  }
}

const comments: DatasetSpec = {
  name: 'comments',
  title: 'Comments',
  description:
    'Every comment submitted in the filter, whatever became of it: published, pending, hidden or rejected by a moderator, or deleted by its author. In public exports the text of moderated comments is withheld, and authors appear only as keys valid within this export and this dataset.',
  joins:
    '`comment_key` and `parent_key` join replies to their comment and `moderation.comment_key` to this dataset, within one export only. `author_key` groups the comments shown under one name — a person’s comments written in protected mode (under each pseudonym) and in their own name carry different keys, and comments shown as “Former participant” carry none — so no key joins a protected comment to its author’s other comments. No key joins to ratings or to other exports; a comment can be found on the website by its text, where it shows nothing more than here but the name or pseudonym it is published under.',
  columns: [
    { name: 'comment_id', type: 'uuid', description: 'Identifier of the comment (full exports only)', fullOnly: true },
    { name: 'comment_key', type: 'text', description: 'The comment, as a key valid within this export only (C- and 12 hex digits)' },
    { name: 'parent_key', type: 'text', description: 'The key of the comment this one replies to; empty for a top-level comment' },
    { name: 'depth', type: 'integer', description: 'Reply depth: 0 for a top-level comment, up to 3' },
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'principle_code', type: 'code', description: 'Guiding principle of the recommendation (GCM), e.g. PC' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation of APMR 2020 chapter 7 the comment is about, e.g. PC-1' },
    { name: 'country_iso3', type: 'code', description: 'ISO 3166-1 alpha-3 code of the country the comment is about; empty when general' },
    { name: 'subregion', type: 'text', description: 'UN ESCAP subregion of that country' },
    {
      name: 'author_key',
      type: 'text',
      description:
        'The name the comment is shown under, as a key valid within this export and dataset (P- and 12 hex digits); empty when shown as “Former participant”',
    },
    {
      name: 'author_stakeholder_type',
      type: 'code',
      description: 'Stakeholder type the author wrote as (full exports only)',
      fullOnly: true,
    },
    { name: 'author_organisation', type: 'text', description: 'Organisation the author wrote for (full exports only)', fullOnly: true },
    {
      name: 'author_country_iso3',
      type: 'code',
      description: 'Country of the author’s organisation or profile (full exports only)',
      fullOnly: true,
    },
    { name: 'stance', type: 'code', description: 'supports, concern, information or question, as the author chose; may be empty' },
    { name: 'language', type: 'code', description: 'BCP 47 tag of the comment’s language, when the author gave it' },
    {
      name: 'status',
      type: 'code',
      description: 'published, pending (awaiting a moderator), hidden or rejected (by a moderator) or deleted (by its author)',
    },
    { name: 'moderation_rule', type: 'code', description: 'House rule the comment was hidden or rejected under (see /rules)' },
    { name: 'moderated_at', type: 'timestamp', description: 'When the last moderation decision was applied (UTC, ISO 8601)' },
    { name: 'highlighted', type: 'boolean', description: 'true when a moderator chose it to be quoted in the round’s report' },
    {
      name: 'body',
      type: 'text',
      description: `Markdown text as written; in public exports "${REDACTED}" for hidden or rejected comments and "${PENDING}" for pending ones; empty when deleted by its author`,
    },
    { name: 'agree_count', type: 'integer', description: 'People who marked “agree”' },
    { name: 'disagree_count', type: 'integer', description: 'People who marked “disagree”' },
    { name: 'created_at', type: 'timestamp', description: 'When it was submitted (UTC, ISO 8601)' },
    { name: 'edited_at', type: 'timestamp', description: 'When its author last edited it (UTC, ISO 8601)' },
    { name: 'author_account_id', type: 'uuid', description: 'The author’s account identifier (full exports only)', fullOnly: true },
    { name: 'author_display_name', type: 'text', description: 'The author’s display name (full exports only)', fullOnly: true },
    {
      name: 'author_protected',
      type: 'boolean',
      description: 'true when the comment was written in protected mode (full exports only)',
      fullOnly: true,
    },
  ],
  query(filters, privacy, seed) {
    const where = new DatasetFilter(seed, filters, {
      consultation: 'c.consultation_id',
      recommendation: 'c.recommendation_code',
      country: 'c.country_iso3',
      stakeholderType: 'c.author_stakeholder_type',
      time: 'c.created_at',
    });
    const pub = privacy === 'public';
    const linkKey = authorLinkKeySql({ comment: 'c', author: 'u' });
    return where.query(
      `SELECT ${pub ? '' : 'c.id AS comment_id, '}${commentKey('c.id')} AS comment_key, ${commentKey('c.parent_id')} AS parent_key, c.depth, c.consultation_id,
              r.principle_code, c.recommendation_code, c.country_iso3, k.subregion,
              CASE WHEN ${linkKey} IS NOT NULL THEN ${exportKey('P', 'comments-author', linkKey)} END AS author_key,
              ${pub ? '' : 'c.author_stakeholder_type, o.name AS author_organisation, c.author_country_iso3,'}
              c.stance, c.language, c.status, c.moderation_rule, ${ISO('c.moderated_at')} AS moderated_at,
              c.highlighted_at IS NOT NULL AS highlighted,
              ${pub ? `CASE WHEN c.status IN ('hidden', 'rejected') THEN '${REDACTED}' WHEN c.status = 'pending' THEN '${PENDING}' ELSE c.body END` : 'c.body'} AS body,
              c.agree_count, c.disagree_count, ${ISO('c.created_at')} AS created_at, ${ISO('c.edited_at')} AS edited_at
              ${pub ? '' : `, c.author_id AS author_account_id, CASE WHEN u.status = 'active' THEN u.display_name END AS author_display_name, c.author_protected`}
       FROM comment c
       JOIN recommendation r ON r.code = c.recommendation_code
       LEFT JOIN country k ON k.iso3 = c.country_iso3
       LEFT JOIN organisation o ON o.id = c.author_organisation_id
       LEFT JOIN app_user u ON u.id = c.author_id`,
      'c.created_at, c.id',
    );
  },
};

/** SQL: the median of a histogram held in columns s0…s4 (total `people`), as published figures compute it. */
function medianSql(alias: string): string {
  const at = (position: string) =>
    `CASE WHEN ${position} < ${alias}.s0 THEN 0 WHEN ${position} < ${alias}.s0 + ${alias}.s1 THEN 1 WHEN ${position} < ${alias}.s0 + ${alias}.s1 + ${alias}.s2 THEN 2
          WHEN ${position} < ${alias}.s0 + ${alias}.s1 + ${alias}.s2 + ${alias}.s3 THEN 3 ELSE 4 END`;
  const total = `(${alias}.s0 + ${alias}.s1 + ${alias}.s2 + ${alias}.s3 + ${alias}.s4)`;
  return `((${at(`((${total} - 1) / 2)`)} + ${at(`(${total} / 2)`)})::float8 / 2)`;
}

const ratings: DatasetSpec = {
  name: 'ratings',
  title: 'Implementation ratings',
  description: `Public exports: the published figures of every rating cell (round × recommendation × country) in the filter, one row for the cell and one per stakeholder type published for it — exactly what the website and API show, nothing more. A figure is published only when at least ${MIN_PEOPLE} people stand behind it, and a cell's figures change only in batches of at least ${MIN_PEOPLE} changed ratings; a cell or type without published figures has no row. A time filter shows the figures as they were published before its end day. Full exports: one row per person, recommendation and country with the current rating.`,
  joins:
    'Public: no people, so nothing to join to people; rows join the catalogue by `recommendation_code` and `country_iso3`, and the `official` dataset by round, recommendation and country. Full: `rater_account_id` is an account.',
  publicColumns: [
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'principle_code', type: 'code', description: 'Guiding principle of the recommendation' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation rated' },
    { name: 'country_iso3', type: 'code', description: 'Country whose implementation is rated (ISO 3166-1 alpha-3)' },
    { name: 'subregion', type: 'text', description: 'UN ESCAP subregion of that country' },
    { name: 'rater_group', type: 'code', description: '`all` for everyone who rated the cell, or a stakeholder type' },
    { name: 'released_on', type: 'text', description: 'The day (UTC, YYYY-MM-DD) these figures were published' },
    { name: 'raters', type: 'integer', description: `People in the group who gave a score (at least ${MIN_PEOPLE})` },
    {
      name: 'score_0',
      type: 'integer',
      description: 'People who rated 0 — not started (`all` rows only: a stakeholder type publishes its median, not its distribution)',
    },
    { name: 'score_1', type: 'integer', description: 'People who rated 1 — planned (`all` rows only)' },
    { name: 'score_2', type: 'integer', description: 'People who rated 2 — in progress (`all` rows only)' },
    { name: 'score_3', type: 'integer', description: 'People who rated 3 — largely implemented (`all` rows only)' },
    { name: 'score_4', type: 'integer', description: 'People who rated 4 — fully implemented (`all` rows only)' },
    {
      name: 'dont_know',
      type: 'integer',
      description: `People who answered “don’t know” (\`all\` rows; empty unless at least ${MIN_PEOPLE})`,
    },
    { name: 'median', type: 'number', description: 'Median score of the group' },
    { name: 'mean', type: 'number', description: 'Mean score (`all` rows only)' },
    {
      name: 'gap',
      type: 'number',
      description:
        'Perception gap (`all` rows): median of the rated country’s own verified government bodies minus median of civil society rating it; empty unless both sides have at least 5 people',
    },
    { name: 'gap_ci_low', type: 'number', description: 'Lower end of the gap’s 95% interval (bootstrap)' },
    { name: 'gap_ci_high', type: 'number', description: 'Upper end of the gap’s 95% interval' },
  ],
  columns: [
    { name: 'rating_id', type: 'uuid', description: 'Identifier of the rating' },
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'principle_code', type: 'code', description: 'Guiding principle of the recommendation' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation rated' },
    { name: 'country_iso3', type: 'code', description: 'Country whose implementation is rated (ISO 3166-1 alpha-3)' },
    { name: 'subregion', type: 'text', description: 'UN ESCAP subregion of that country' },
    { name: 'rater_key', type: 'text', description: 'The rater, as a key valid within this export and dataset' },
    { name: 'rater_stakeholder_type', type: 'code', description: 'Stakeholder type the rater rated as' },
    { name: 'rater_organisation', type: 'text', description: 'Organisation the rater rated for; empty in their own name' },
    {
      name: 'rater_side',
      type: 'code',
      description:
        'government (a verified government body of the rated country), civil-society or other: the side the rating counts for in the gap',
    },
    {
      name: 'score',
      type: 'integer',
      description: '0 not started, 1 planned, 2 in progress, 3 largely implemented, 4 fully implemented; empty for don’t know',
    },
    { name: 'dont_know', type: 'boolean', description: 'true when the rater chose “don’t know”' },
    { name: 'evidence', type: 'text', description: 'The rater’s evidence or explanation, if any (full exports only: never published)' },
    { name: 'evidence_url', type: 'text', description: 'A source link the rater gave, if any' },
    { name: 'updated_at', type: 'timestamp', description: 'When the rating was last set (UTC, ISO 8601)' },
    { name: 'rater_account_id', type: 'uuid', description: 'The rater’s account identifier' },
    { name: 'rater_protected', type: 'boolean', description: 'true when the rater was in protected mode' },
  ],
  query(filters, privacy, seed) {
    if (privacy === 'public') return publishedRatingsQuery(filters, seed);
    const where = new DatasetFilter(seed, filters, {
      consultation: 'x.consultation_id',
      recommendation: 'x.recommendation_code',
      country: 'x.country_iso3',
      stakeholderType: 'x.rater_stakeholder_type',
      time: 'x.updated_at',
    });
    return where.query(
      `SELECT x.id AS rating_id, x.consultation_id, r.principle_code, x.recommendation_code, x.country_iso3, k.subregion,
              ${exportKey('R', 'ratings-rater', 'x.user_id::text')} AS rater_key,
              x.rater_stakeholder_type, o.name AS rater_organisation,
              CASE WHEN x.rater_stakeholder_type IN (${sqlCodes(GOVERNMENT_TYPES)}) AND x.rater_organisation_verified AND x.rater_country_iso3 = x.country_iso3 THEN 'government'
                   WHEN x.rater_stakeholder_type IN (${sqlCodes(CIVIL_SOCIETY_TYPES)}) THEN 'civil-society' ELSE 'other' END AS rater_side,
              x.score, x.dont_know,
              x.evidence, x.evidence_url, ${ISO('x.updated_at')} AS updated_at, x.user_id AS rater_account_id, x.rater_protected
       FROM rating x
       JOIN recommendation r ON r.code = x.recommendation_code
       LEFT JOIN country k ON k.iso3 = x.country_iso3
       LEFT JOIN organisation o ON o.id = x.rater_organisation_id`,
      // In the order they were set: a sort after a sequential scan, 4× faster on a million rows than walking the primary key.
      'x.updated_at, x.id',
    );
  },
};

/** The public ratings table: each cell's latest published figures (as of the filter's `to`), per group. */
function publishedRatingsQuery(filters: ExportFilters, seed: string): { sql: string; params: unknown[] } {
  const where = new DatasetFilter(
    seed,
    { ...filters, stakeholderType: undefined, from: undefined, to: undefined },
    {
      consultation: 'x.consultation_id',
      recommendation: 'x.recommendation_code',
      country: 'x.country_iso3',
    },
  );
  const params = [...where.params, filters.to ?? null, filters.stakeholderType ?? null];
  const asOf = `$${params.length - 1}`;
  const type = `$${params.length}`;
  const latest = (
    predicateFilter: string,
  ) => `SELECT DISTINCT ON (x.consultation_id, x.recommendation_code, x.country_iso3, x.predicate) x.*, rel.released_at
       FROM rating_statistic x
       JOIN rating_release rel ON rel.consultation_id = x.consultation_id AND rel.recommendation_code = x.recommendation_code
                              AND rel.country_iso3 = x.country_iso3 AND rel.release_no = x.release_no
       WHERE ${where.where()} AND ${predicateFilter} AND (${asOf}::timestamptz IS NULL OR rel.released_at < ${asOf}::timestamptz)
       ORDER BY x.consultation_id, x.recommendation_code, x.country_iso3, x.predicate, x.release_no DESC`;
  return {
    sql: `WITH latest AS (${latest(`x.predicate <> 'dk' AND (${type}::text IS NULL OR x.predicate = 'type:' || ${type}::text)`)}),
              dk AS (${latest(`x.predicate = 'dk'`)}),
              gap AS (SELECT DISTINCT ON (x.consultation_id, x.recommendation_code, x.country_iso3) x.consultation_id, x.recommendation_code, x.country_iso3, x.gap_value, x.gap_ci_low, x.gap_ci_high
                      FROM rating_release x WHERE ${where.where()} AND x.gap_value IS NOT NULL AND (${asOf}::timestamptz IS NULL OR x.released_at < ${asOf}::timestamptz)
                      ORDER BY x.consultation_id, x.recommendation_code, x.country_iso3, x.release_no DESC)
          SELECT l.consultation_id, r.principle_code, l.recommendation_code, l.country_iso3, k.subregion,
                 CASE WHEN l.predicate = 'total' THEN 'all' ELSE substr(l.predicate, 6) END AS rater_group,
                 to_char(l.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS released_on, l.people AS raters,
                 CASE WHEN l.predicate = 'total' THEN l.s0 END AS score_0, CASE WHEN l.predicate = 'total' THEN l.s1 END AS score_1,
                 CASE WHEN l.predicate = 'total' THEN l.s2 END AS score_2, CASE WHEN l.predicate = 'total' THEN l.s3 END AS score_3,
                 CASE WHEN l.predicate = 'total' THEN l.s4 END AS score_4,
                 CASE WHEN l.predicate = 'total' THEN d.people END AS dont_know,
                 ${medianSql('l')} AS median,
                 CASE WHEN l.predicate = 'total' THEN round(((l.s1 + 2 * l.s2 + 3 * l.s3 + 4 * l.s4)::numeric / l.people), 2)::float8 END AS mean,
                 CASE WHEN l.predicate = 'total' THEN g.gap_value END AS gap, CASE WHEN l.predicate = 'total' THEN g.gap_ci_low END AS gap_ci_low,
                 CASE WHEN l.predicate = 'total' THEN g.gap_ci_high END AS gap_ci_high
          FROM latest l
          JOIN recommendation r ON r.code = l.recommendation_code
          LEFT JOIN country k ON k.iso3 = l.country_iso3
          LEFT JOIN dk d ON d.consultation_id = l.consultation_id AND d.recommendation_code = l.recommendation_code AND d.country_iso3 = l.country_iso3
          LEFT JOIN gap g ON g.consultation_id = l.consultation_id AND g.recommendation_code = l.recommendation_code AND g.country_iso3 = l.country_iso3
          ORDER BY l.consultation_id, l.recommendation_code, l.country_iso3, l.predicate <> 'total', l.predicate`,
    params,
  };
}

const official: DatasetSpec = {
  name: 'official',
  title: 'Official self-assessments',
  description:
    'The implementation status each government posted for its country, through a verified government organisation: a public statement, exported as given.',
  joins: 'Public statements of governments: joins the ratings table by round, recommendation and country.',
  columns: [
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'principle_code', type: 'code', description: 'Guiding principle of the recommendation' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation assessed' },
    { name: 'country_iso3', type: 'code', description: 'Country assessed (ISO 3166-1 alpha-3)' },
    { name: 'subregion', type: 'text', description: 'UN ESCAP subregion of that country' },
    { name: 'score', type: 'integer', description: 'Official status, 0 not started … 4 fully implemented' },
    { name: 'narrative', type: 'text', description: 'The government’s explanation' },
    { name: 'organisation', type: 'text', description: 'The verified government organisation that posted it' },
    { name: 'updated_at', type: 'timestamp', description: 'When it was last set (UTC, ISO 8601)' },
  ],
  query(filters, _privacy, seed) {
    const where = new DatasetFilter(seed, filters, {
      consultation: 'a.consultation_id',
      recommendation: 'a.recommendation_code',
      country: 'a.country_iso3',
      time: 'a.updated_at',
    });
    return where.query(
      `SELECT a.consultation_id, r.principle_code, a.recommendation_code, a.country_iso3, k.subregion, a.score, a.narrative, o.name AS organisation,
              ${ISO('a.updated_at')} AS updated_at
       FROM official_assessment a
       JOIN recommendation r ON r.code = a.recommendation_code
       LEFT JOIN country k ON k.iso3 = a.country_iso3
       LEFT JOIN organisation o ON o.id = a.organisation_id`,
      'a.consultation_id, a.recommendation_code, a.country_iso3',
    );
  },
};

const recommendations: DatasetSpec = {
  name: 'recommendations',
  title: 'Recommendations',
  description:
    'The 32 recommendations of APMR 2020 chapter 7 with their guiding principle and the GCM objectives they serve (the catalogue; filters on round, country, type and dates do not apply).',
  joins: 'The catalogue: `recommendation_code` joins every other dataset.',
  columns: [
    { name: 'recommendation_code', type: 'code', description: 'Code of the recommendation, e.g. PC-1' },
    { name: 'principle_code', type: 'code', description: 'Code of its guiding principle' },
    { name: 'principle_title', type: 'text', description: 'Title of the guiding principle' },
    { name: 'position', type: 'integer', description: 'Order of the recommendation within its principle' },
    { name: 'text', type: 'text', description: 'The recommendation, verbatim' },
    { name: 'objective_numbers', type: 'text', description: 'GCM objectives (1–23) it is linked to, separated by semicolons' },
  ],
  query(filters, _privacy, seed) {
    const where = new DatasetFilter(
      seed,
      { principleCode: filters.principleCode, recommendationCode: filters.recommendationCode, objectiveNumber: filters.objectiveNumber },
      { recommendation: 'r.code' },
    );
    return where.query(
      `SELECT r.code AS recommendation_code, r.principle_code, p.title AS principle_title, r.position, r.text,
              (SELECT string_agg(ro.objective_number::text, ';' ORDER BY ro.objective_number) FROM recommendation_objective ro WHERE ro.recommendation_code = r.code) AS objective_numbers
       FROM recommendation r JOIN principle p ON p.code = r.principle_code`,
      'p.position, r.position',
    );
  },
};

const participation: DatasetSpec = {
  name: 'participation',
  title: 'Participation',
  description: `Distinct people who commented or rated, with comment and rating counts, per round, ISO week, stakeholder type and country. Public exports count published comments (by the day written) and published ratings (by the day their cell's figures were published), and leave out every row of fewer than ${MIN_CELL} people; full exports count every comment and rating (by the day last set).`,
  joins: 'Counts only: no people, nothing to join but the catalogue (`country_iso3`, `stakeholder_type`) and the round.',
  columns: [
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'week', type: 'text', description: 'ISO week (Monday’s date, YYYY-MM-DD)' },
    { name: 'stakeholder_type', type: 'code', description: 'Stakeholder type people contributed as' },
    { name: 'country_iso3', type: 'code', description: 'Country the contributions are about (empty for general comments)' },
    { name: 'people', type: 'integer', description: `Distinct people (at least ${MIN_CELL} in public exports)` },
    { name: 'comments', type: 'integer', description: 'Comments' },
    { name: 'ratings', type: 'integer', description: 'Ratings' },
  ],
  query(filters, privacy, seed) {
    const where = new DatasetFilter(seed, filters, {
      consultation: 'x.consultation_id',
      recommendation: 'x.recommendation_code',
      country: 'x.country_iso3',
      stakeholderType: 'x.stakeholder_type',
      time: 'x.at',
    });
    const contributions =
      privacy === 'public'
        ? `SELECT c.consultation_id, c.recommendation_code, c.country_iso3, c.author_stakeholder_type AS stakeholder_type, c.created_at AS at, c.author_id::text AS person, 1 AS is_comment, 0 AS is_rating
           FROM comment c WHERE c.status = 'published'
           UNION ALL
           SELECT v.consultation_id, v.recommendation_code, v.country_iso3, v.stakeholder_type, v.released_at, COALESCE(v.user_id, v.rating_id)::text, 0, 1
           FROM released_rating v
           WHERE v.to_release IS NULL`
        : `SELECT c.consultation_id, c.recommendation_code, c.country_iso3, c.author_stakeholder_type AS stakeholder_type, c.created_at AS at, c.author_id::text AS person, 1 AS is_comment, 0 AS is_rating
           FROM comment c
           UNION ALL
           SELECT r.consultation_id, r.recommendation_code, r.country_iso3, r.rater_stakeholder_type, r.updated_at, r.user_id::text, 0, 1 FROM rating r`;
    // Rows under the minimum never leave a public export.
    return {
      sql: `SELECT * FROM (
              SELECT x.consultation_id, to_char(date_trunc('week', x.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, x.stakeholder_type, x.country_iso3,
                     count(DISTINCT x.person)::int AS people, sum(x.is_comment)::int AS comments, sum(x.is_rating)::int AS ratings
              FROM (${contributions}) x WHERE ${where.where()} GROUP BY 1, 2, 3, 4
            ) g ${privacy === 'public' ? `WHERE g.people >= ${MIN_CELL}` : ''}
            ORDER BY consultation_id, week, stakeholder_type, country_iso3 NULLS FIRST`,
      params: [...where.params],
    };
  },
};

const moderation: DatasetSpec = {
  name: 'moderation',
  title: 'Moderation decisions',
  description:
    'Every moderation decision (immutable), with the rule it cites and the outcome of any appeal. Reasons are the moderators’ words to the author: withheld in public exports. Public exports hold applied decisions only: decisions on safeguarding concerns, and proposals awaiting a co-signature or lapsed, are in full exports only (the transparency page counts them).',
  joins: '`comment_key` joins `comments.comment_key` of the same export (never of another). No people.',
  columns: [
    { name: 'decision_id', type: 'uuid', description: 'Identifier of the decision (full exports only)', fullOnly: true },
    { name: 'decision_key', type: 'text', description: 'The decision, as a key valid within this export only' },
    { name: 'comment_id', type: 'uuid', description: 'The comment decided on (full exports only)', fullOnly: true },
    { name: 'comment_key', type: 'text', description: 'The comment decided on: its `comment_key` in the comments dataset of this export' },
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation of the comment’s thread' },
    { name: 'action', type: 'code', description: 'approve, hide, restore or reject' },
    { name: 'rule_code', type: 'code', description: 'House rule cited' },
    { name: 'rule_version', type: 'integer', description: 'Version of that rule in force at the time' },
    { name: 'status', type: 'code', description: 'applied; in full exports also awaiting-cosign (conflict of interest) or lapsed' },
    { name: 'cosigned', type: 'boolean', description: 'true when a second moderator co-signed (conflict of interest)' },
    { name: 'decided_at', type: 'timestamp', description: 'When it was decided (UTC, ISO 8601)' },
    { name: 'applied_at', type: 'timestamp', description: 'When it took effect (UTC, ISO 8601)' },
    {
      name: 'hours_to_decision',
      type: 'number',
      description: 'Hours from the item entering the queue (or being written) to the decision taking effect',
    },
    { name: 'on_appeal', type: 'boolean', description: 'true when this decision is the result of an appeal' },
    { name: 'appeal_outcome', type: 'code', description: 'pending, upheld or overturned when the decision was appealed' },
    { name: 'reason', type: 'text', description: 'The reason given to the author (full exports only)', fullOnly: true },
    { name: 'decided_by_account_id', type: 'uuid', description: 'Moderator who decided (full exports only)', fullOnly: true },
    { name: 'cosigned_by_account_id', type: 'uuid', description: 'Moderator who co-signed (full exports only)', fullOnly: true },
  ],
  query(filters, privacy, seed) {
    const where = new DatasetFilter(seed, filters, {
      consultation: 'd.consultation_id',
      recommendation: 'c.recommendation_code',
      country: 'c.country_iso3',
      time: 'd.decided_at',
    });
    const full = privacy === 'full';
    return where.query(
      `SELECT ${full ? 'd.id AS decision_id, ' : ''}${exportKey('D', 'decision', 'd.id::text')} AS decision_key, ${full ? 'd.comment_id, ' : ''}${commentKey('d.comment_id')} AS comment_key,
              d.consultation_id, c.recommendation_code, d.action, d.rule_code, d.rule_version, d.status,
              d.cosigned_by IS NOT NULL AS cosigned, ${ISO('d.decided_at')} AS decided_at, ${ISO('d.applied_at')} AS applied_at,
              round((extract(epoch FROM d.applied_at - d.queued_at) / 3600)::numeric, 2)::float8 AS hours_to_decision,
              d.appeal_id IS NOT NULL AS on_appeal,
              CASE WHEN a.id IS NULL THEN NULL WHEN a.outcome IS NULL THEN 'pending' ELSE a.outcome END AS appeal_outcome
              ${full ? ', d.reason, d.decided_by AS decided_by_account_id, d.cosigned_by AS cosigned_by_account_id' : ''}
       FROM moderation_decision d
       JOIN comment c ON c.id = d.comment_id ${full ? '' : `AND d.status = 'applied' AND NOT ${SAFEGUARDING_SQL}`}
       LEFT JOIN appeal a ON a.decision_id = d.id`,
      'd.decided_at, d.id',
    );
  },
};

export const DATASETS: Record<TableDataset, DatasetSpec> = { comments, ratings, official, recommendations, participation, moderation };
