import type { ExportFilters, ExportPrivacy } from '@compact-voices/contracts';
import { MIN_CELL } from '../ratings/rating-statistics.js';

export const TABLE_DATASETS = ['comments', 'ratings', 'official', 'recommendations', 'participation', 'moderation'] as const;
export type TableDataset = (typeof TABLE_DATASETS)[number];

/** Fewer people than this in a cell: the value is withheld in public exports (the same rule as the API's summaries). */
export { MIN_CELL };
export const REDACTED = '[removed by moderation]';
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
  columns: ColumnSpec[];
  /**
   * The whole dataset as it is exported, in a stable order: one output column per column of the
   * privacy level, named as the column, already pseudonymised and withheld as that level requires.
   * SQL is the single source of every exported value, whichever writer turns it into a file.
   */
  query(filters: ExportFilters, privacy: ExportPrivacy, seed: string): { sql: string; params: unknown[] };
}

/** The columns a privacy level gets. */
export function columnsFor(spec: DatasetSpec, privacy: ExportPrivacy): ColumnSpec[] {
  return spec.columns.filter((column) => privacy === 'full' || !column.fullOnly);
}

/**
 * A per-export pseudonym for an account: the first 12 hex digits of md5(seed ‖ account id), the
 * seed being 32 random bytes kept with the export — stable within it, unrelated across exports,
 * not reversible without the seed (which is never published). `$1` is the seed.
 */
const pseudonym = (accountColumn: string) => `'P-' || left(md5($1 || ${accountColumn}::text), 12)`;
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** WHERE clauses for the shared filters, against the given column expressions; `$1` is the pseudonym seed. */
class FilterSql {
  readonly params: unknown[];
  readonly clauses: string[] = [];

  constructor(
    seed: string,
    filters: ExportFilters,
    columns: { consultation?: string; recommendation?: string; country?: string; stakeholderType?: string; time?: string },
  ) {
    this.params = [seed];
    const add = (value: unknown, clause: (param: string) => string) => {
      this.params.push(value);
      this.clauses.push(clause(`$${this.params.length}`));
    };
    if (filters.consultationId && columns.consultation) add(filters.consultationId, (p) => `${columns.consultation} = ${p}::uuid`);
    if (filters.recommendationCode && columns.recommendation) add(filters.recommendationCode.toUpperCase(), (p) => `${columns.recommendation} = ${p}`);
    if (filters.principleCode && columns.recommendation) {
      add(filters.principleCode.toUpperCase(), (p) => `EXISTS (SELECT 1 FROM recommendation fr WHERE fr.code = ${columns.recommendation} AND fr.principle_code = ${p})`);
    }
    if (filters.objectiveNumber !== undefined && columns.recommendation) {
      add(filters.objectiveNumber, (p) => `EXISTS (SELECT 1 FROM recommendation_objective fo WHERE fo.recommendation_code = ${columns.recommendation} AND fo.objective_number = ${p}::int)`);
    }
    if (filters.countryIso3 && columns.country) add(filters.countryIso3.toUpperCase(), (p) => `${columns.country} = ${p}`);
    if (filters.subregion && columns.country) add(filters.subregion, (p) => `EXISTS (SELECT 1 FROM country fc WHERE fc.iso3 = ${columns.country} AND fc.subregion = ${p})`);
    if (filters.stakeholderType && columns.stakeholderType) add(filters.stakeholderType, (p) => `${columns.stakeholderType} = ${p}`);
    if (filters.from && columns.time) add(filters.from, (p) => `${columns.time} >= ${p}::timestamptz`);
    if (filters.to && columns.time) add(filters.to, (p) => `${columns.time} < ${p}::timestamptz`);
  }

  /** The seed ($1) is always typed here, so a dataset without pseudonyms still prepares. */
  where(): string {
    return ['$1::text IS NOT NULL', ...this.clauses].join(' AND ');
  }

  query(select: string, orderBy: string): { sql: string; params: unknown[] } {
    return { sql: `${select} WHERE ${this.where()} ORDER BY ${orderBy}`, params: [...this.params] };
  }
}


const comments: DatasetSpec = {
  name: 'comments',
  title: 'Comments',
  description:
    'Every comment submitted in the filter, whatever became of it: published, pending, hidden or rejected by a moderator, or deleted by its author. In public exports the text of moderated comments is withheld and authors appear only as pseudonyms that are stable within one export.',
  columns: [
    { name: 'comment_id', type: 'uuid', description: 'Identifier of the comment (the same as in the web address of its thread)' },
    { name: 'parent_id', type: 'uuid', description: 'The comment this one replies to; empty for a top-level comment' },
    { name: 'depth', type: 'integer', description: 'Reply depth: 0 for a top-level comment, up to 3' },
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'principle_code', type: 'code', description: 'Guiding principle of the recommendation (GCM), e.g. PC' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation of APMR 2020 chapter 7 the comment is about, e.g. PC-1' },
    { name: 'country_iso3', type: 'code', description: 'ISO 3166-1 alpha-3 code of the country the comment is about; empty when general' },
    { name: 'subregion', type: 'text', description: 'UN ESCAP subregion of that country' },
    { name: 'author_pseudonym', type: 'text', description: 'The author, as a pseudonym valid within this export only (P- and 12 hex digits); empty for an erased account' },
    { name: 'author_stakeholder_type', type: 'code', description: 'Stakeholder type the author wrote as (see the stakeholder types); empty for protected authors in public exports' },
    { name: 'author_organisation', type: 'text', description: 'Organisation the author wrote for; empty when writing in their own name, and for protected authors in public exports' },
    { name: 'author_country_iso3', type: 'code', description: 'Country of the author’s organisation or profile; empty for protected authors in public exports' },
    { name: 'stance', type: 'code', description: 'supports, concern, information or question, as the author chose; may be empty' },
    { name: 'language', type: 'code', description: 'BCP 47 tag of the comment’s language, when the author gave it' },
    { name: 'status', type: 'code', description: 'published, pending (awaiting a moderator), hidden or rejected (by a moderator) or deleted (by its author)' },
    { name: 'moderation_rule', type: 'code', description: 'House rule the comment was hidden or rejected under (see /rules)' },
    { name: 'moderated_at', type: 'timestamp', description: 'When the last moderation decision was applied (UTC, ISO 8601)' },
    { name: 'highlighted', type: 'boolean', description: 'true when a moderator chose it to be quoted in the round’s report' },
    { name: 'body', type: 'text', description: `Markdown text as written; in public exports "${REDACTED}" for hidden or rejected comments and "${PENDING}" for pending ones; empty when deleted by its author` },
    { name: 'agree_count', type: 'integer', description: 'People who marked “agree”' },
    { name: 'disagree_count', type: 'integer', description: 'People who marked “disagree”' },
    { name: 'created_at', type: 'timestamp', description: 'When it was submitted (UTC, ISO 8601)' },
    { name: 'edited_at', type: 'timestamp', description: 'When its author last edited it (UTC, ISO 8601)' },
    { name: 'author_account_id', type: 'uuid', description: 'The author’s account identifier (full exports only)', fullOnly: true },
    { name: 'author_display_name', type: 'text', description: 'The author’s display name (full exports only)', fullOnly: true },
    { name: 'author_protected', type: 'boolean', description: 'true when the author is in protected mode (full exports only)', fullOnly: true },
  ],
  query(filters, privacy, seed) {
    const where = new FilterSql(seed, filters, {
      consultation: 'c.consultation_id',
      recommendation: 'c.recommendation_code',
      country: 'c.country_iso3',
      stakeholderType: 'c.author_stakeholder_type',
      time: 'c.created_at',
    });
    const pub = privacy === 'public';
    const hidden = `(c.author_protected OR u.privacy_mode = 'protected')`;
    const identity = (expression: string) => (pub ? `CASE WHEN ${hidden} THEN NULL ELSE ${expression} END` : expression);
    return where.query(
      `SELECT c.id AS comment_id, c.parent_id, c.depth, c.consultation_id, r.principle_code, c.recommendation_code, c.country_iso3, k.subregion,
              CASE WHEN u.status = 'active' THEN ${pseudonym('c.author_id')} END AS author_pseudonym,
              ${identity('c.author_stakeholder_type')} AS author_stakeholder_type,
              ${identity('o.name')} AS author_organisation,
              ${identity('c.author_country_iso3')} AS author_country_iso3,
              c.stance, c.language, c.status, c.moderation_rule, ${ISO('c.moderated_at')} AS moderated_at,
              c.highlighted_at IS NOT NULL AS highlighted,
              ${pub ? `CASE WHEN c.status IN ('hidden', 'rejected') THEN '${REDACTED}' WHEN c.status = 'pending' THEN '${PENDING}' ELSE c.body END` : 'c.body'} AS body,
              c.agree_count, c.disagree_count, ${ISO('c.created_at')} AS created_at, ${ISO('c.edited_at')} AS edited_at
              ${pub ? '' : `, c.author_id AS author_account_id, CASE WHEN u.status = 'active' THEN u.display_name END AS author_display_name, ${hidden} AS author_protected`}
       FROM comment c
       JOIN recommendation r ON r.code = c.recommendation_code
       LEFT JOIN country k ON k.iso3 = c.country_iso3
       LEFT JOIN organisation o ON o.id = c.author_organisation_id
       LEFT JOIN app_user u ON u.id = c.author_id`,
      'c.id',
    );
  },
};

const ratings: DatasetSpec = {
  name: 'ratings',
  title: 'Implementation ratings',
  description: `One row per person, recommendation and country: the current rating (0 not started … 4 fully implemented) or "don't know". In public exports a score is withheld when fewer than ${MIN_CELL} people rated that recommendation for that country in that round.`,
  columns: [
    { name: 'rating_id', type: 'uuid', description: 'Identifier of the rating' },
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'principle_code', type: 'code', description: 'Guiding principle of the recommendation' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation rated' },
    { name: 'country_iso3', type: 'code', description: 'Country whose implementation is rated (ISO 3166-1 alpha-3)' },
    { name: 'subregion', type: 'text', description: 'UN ESCAP subregion of that country' },
    { name: 'rater_pseudonym', type: 'text', description: 'The rater, as a pseudonym valid within this export only' },
    { name: 'rater_stakeholder_type', type: 'code', description: 'Stakeholder type the rater rated as; empty for protected raters in public exports' },
    { name: 'rater_organisation', type: 'text', description: 'Organisation the rater rated for; empty in their own name and for protected raters in public exports' },
    { name: 'score', type: 'integer', description: '0 not started, 1 planned, 2 in progress, 3 largely implemented, 4 fully implemented; empty for don’t know or when withheld' },
    { name: 'dont_know', type: 'boolean', description: 'true when the rater chose “don’t know”' },
    { name: 'withheld', type: 'boolean', description: `true when the score is withheld (fewer than ${MIN_CELL} raters in the cell; public exports)` },
    { name: 'cell_raters', type: 'integer', description: 'People who rated this recommendation for this country in this round' },
    { name: 'evidence', type: 'text', description: 'The rater’s evidence or explanation, if any' },
    { name: 'evidence_url', type: 'text', description: 'A source link the rater gave, if any' },
    { name: 'updated_at', type: 'timestamp', description: 'When the rating was last set (UTC, ISO 8601)' },
    { name: 'rater_account_id', type: 'uuid', description: 'The rater’s account identifier (full exports only)', fullOnly: true },
  ],
  query(filters, privacy, seed) {
    const where = new FilterSql(seed, filters, {
      consultation: 'x.consultation_id',
      recommendation: 'x.recommendation_code',
      country: 'x.country_iso3',
      stakeholderType: 'x.rater_stakeholder_type',
      time: 'x.updated_at',
    });
    const pub = privacy === 'public';
    const hidden = `(x.rater_protected OR u.privacy_mode = 'protected')`;
    const small = pub ? `cells.raters < ${MIN_CELL}` : 'FALSE';
    return where.query(
      `SELECT x.id AS rating_id, x.consultation_id, r.principle_code, x.recommendation_code, x.country_iso3, k.subregion,
              ${pseudonym('x.user_id')} AS rater_pseudonym,
              ${pub ? `CASE WHEN ${hidden} THEN NULL ELSE x.rater_stakeholder_type END` : 'x.rater_stakeholder_type'} AS rater_stakeholder_type,
              ${pub ? `CASE WHEN ${hidden} THEN NULL ELSE o.name END` : 'o.name'} AS rater_organisation,
              CASE WHEN ${small} THEN NULL ELSE x.score END AS score, x.dont_know, (${small}) AS withheld, cells.raters AS cell_raters,
              x.evidence, x.evidence_url, ${ISO('x.updated_at')} AS updated_at
              ${pub ? '' : ', x.user_id AS rater_account_id'}
       FROM rating x
       JOIN (SELECT consultation_id, recommendation_code, country_iso3, count(*)::int AS raters FROM rating GROUP BY 1, 2, 3) cells
         ON cells.consultation_id = x.consultation_id AND cells.recommendation_code = x.recommendation_code AND cells.country_iso3 = x.country_iso3
       JOIN recommendation r ON r.code = x.recommendation_code
       LEFT JOIN country k ON k.iso3 = x.country_iso3
       LEFT JOIN organisation o ON o.id = x.rater_organisation_id
       LEFT JOIN app_user u ON u.id = x.user_id`,
      'x.id',
    );
  },
};

const official: DatasetSpec = {
  name: 'official',
  title: 'Official self-assessments',
  description: 'The implementation status each government posted for its country, through a verified government organisation: a public statement, exported as given.',
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
    const where = new FilterSql(seed, filters, { consultation: 'a.consultation_id', recommendation: 'a.recommendation_code', country: 'a.country_iso3', time: 'a.updated_at' });
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
  description: 'The 32 recommendations of APMR 2020 chapter 7 with their guiding principle and the GCM objectives they serve (the catalogue; filters on round, country, type and dates do not apply).',
  columns: [
    { name: 'recommendation_code', type: 'code', description: 'Code of the recommendation, e.g. PC-1' },
    { name: 'principle_code', type: 'code', description: 'Code of its guiding principle' },
    { name: 'principle_title', type: 'text', description: 'Title of the guiding principle' },
    { name: 'position', type: 'integer', description: 'Order of the recommendation within its principle' },
    { name: 'text', type: 'text', description: 'The recommendation, verbatim' },
    { name: 'objective_numbers', type: 'text', description: 'GCM objectives (1–23) it is linked to, separated by semicolons' },
  ],
  query(filters, _privacy, seed) {
    const where = new FilterSql(seed, { principleCode: filters.principleCode, recommendationCode: filters.recommendationCode, objectiveNumber: filters.objectiveNumber }, { recommendation: 'r.code' });
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
  description: `Distinct people who commented or rated, with comment and rating counts, per round, ISO week, stakeholder type and country. In public exports a row with fewer than ${MIN_CELL} people shows no numbers.`,
  columns: [
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'week', type: 'text', description: 'ISO week (Monday’s date, YYYY-MM-DD)' },
    { name: 'stakeholder_type', type: 'code', description: 'Stakeholder type people contributed as' },
    { name: 'country_iso3', type: 'code', description: 'Country the contributions are about (empty for general comments)' },
    { name: 'people', type: 'integer', description: 'Distinct people; empty when withheld' },
    { name: 'comments', type: 'integer', description: 'Comments submitted; empty when withheld' },
    { name: 'ratings', type: 'integer', description: 'Ratings set (current value, by week last set); empty when withheld' },
    { name: 'withheld', type: 'boolean', description: `true when fewer than ${MIN_CELL} people (public exports)` },
  ],
  query(filters, privacy, seed) {
    const comments = new FilterSql(seed, filters, { consultation: 'c.consultation_id', recommendation: 'c.recommendation_code', country: 'c.country_iso3', stakeholderType: 'c.author_stakeholder_type', time: 'c.created_at' });
    // The same filters for the ratings half, its placeholders shifted past the comments half (the seed, $1, is shared).
    const ratings = new FilterSql(seed, filters, { consultation: 'x.consultation_id', recommendation: 'x.recommendation_code', country: 'x.country_iso3', stakeholderType: 'x.rater_stakeholder_type', time: 'x.updated_at' });
    const shift = comments.params.length - 1;
    const ratingsWhere = ratings.where().replace(/\$(\d+)/g, (_m, n: string) => (n === '1' ? '$1' : `$${Number(n) + shift}`));
    const small = privacy === 'public' ? `people < ${MIN_CELL}` : 'FALSE';
    return {
      sql: `WITH contributions AS (
              SELECT c.consultation_id, to_char(date_trunc('week', c.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, c.author_stakeholder_type AS stakeholder_type,
                     c.country_iso3, c.author_id AS person, 1 AS is_comment, 0 AS is_rating
              FROM comment c WHERE ${comments.where()}
              UNION ALL
              SELECT x.consultation_id, to_char(date_trunc('week', x.updated_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD'), x.rater_stakeholder_type,
                     x.country_iso3, x.user_id, 0, 1
              FROM rating x WHERE ${ratingsWhere}
            ), g AS (
              SELECT consultation_id, week, stakeholder_type, country_iso3, count(DISTINCT person)::int AS people,
                     sum(is_comment)::int AS comments, sum(is_rating)::int AS ratings
              FROM contributions GROUP BY 1, 2, 3, 4
            )
            SELECT consultation_id, week, stakeholder_type, country_iso3,
                   CASE WHEN ${small} THEN NULL ELSE people END AS people, CASE WHEN ${small} THEN NULL ELSE comments END AS comments,
                   CASE WHEN ${small} THEN NULL ELSE ratings END AS ratings, (${small}) AS withheld
            FROM g ORDER BY consultation_id, week, stakeholder_type, country_iso3 NULLS FIRST`,
      params: [...comments.params, ...ratings.params.slice(1)],
    };
  },
};

const moderation: DatasetSpec = {
  name: 'moderation',
  title: 'Moderation decisions',
  description: 'Every moderation decision (immutable), with the rule it cites and the outcome of any appeal. Reasons are the moderators’ words to the author: withheld in public exports. Decisions on safeguarding concerns are counted but their details are in full exports only.',
  columns: [
    { name: 'decision_id', type: 'uuid', description: 'Identifier of the decision' },
    { name: 'comment_id', type: 'uuid', description: 'The comment decided on (see comments)' },
    { name: 'consultation_id', type: 'uuid', description: 'The consultation round' },
    { name: 'recommendation_code', type: 'code', description: 'Recommendation of the comment’s thread' },
    { name: 'action', type: 'code', description: 'approve, hide, restore or reject' },
    { name: 'rule_code', type: 'code', description: 'House rule cited' },
    { name: 'rule_version', type: 'integer', description: 'Version of that rule in force at the time' },
    { name: 'status', type: 'code', description: 'applied, awaiting-cosign (conflict of interest) or lapsed' },
    { name: 'cosigned', type: 'boolean', description: 'true when a second moderator co-signed (conflict of interest)' },
    { name: 'decided_at', type: 'timestamp', description: 'When it was decided (UTC, ISO 8601)' },
    { name: 'applied_at', type: 'timestamp', description: 'When it took effect (UTC, ISO 8601)' },
    { name: 'hours_to_decision', type: 'number', description: 'Hours from the item entering the queue (or being written) to the decision taking effect' },
    { name: 'on_appeal', type: 'boolean', description: 'true when this decision is the result of an appeal' },
    { name: 'appeal_outcome', type: 'code', description: 'pending, upheld or overturned when the decision was appealed' },
    { name: 'reason', type: 'text', description: 'The reason given to the author (full exports only)', fullOnly: true },
    { name: 'decided_by_account_id', type: 'uuid', description: 'Moderator who decided (full exports only)', fullOnly: true },
    { name: 'cosigned_by_account_id', type: 'uuid', description: 'Moderator who co-signed (full exports only)', fullOnly: true },
  ],
  query(filters, privacy, seed) {
    const where = new FilterSql(seed, filters, { consultation: 'd.consultation_id', recommendation: 'c.recommendation_code', country: 'c.country_iso3', time: 'd.decided_at' });
    return where.query(
      `SELECT d.id AS decision_id, d.comment_id, d.consultation_id, c.recommendation_code, d.action, d.rule_code, d.rule_version, d.status,
              d.cosigned_by IS NOT NULL AS cosigned, ${ISO('d.decided_at')} AS decided_at, ${ISO('d.applied_at')} AS applied_at,
              round((extract(epoch FROM d.applied_at - d.queued_at) / 3600)::numeric, 2)::float8 AS hours_to_decision,
              d.appeal_id IS NOT NULL AS on_appeal,
              CASE WHEN a.id IS NULL THEN NULL WHEN a.outcome IS NULL THEN 'pending' ELSE a.outcome END AS appeal_outcome
              ${privacy === 'full' ? ', d.reason, d.decided_by AS decided_by_account_id, d.cosigned_by AS cosigned_by_account_id' : ''}
       FROM moderation_decision d JOIN comment c ON c.id = d.comment_id LEFT JOIN appeal a ON a.decision_id = d.id`,
      'd.id',
    );
  },
};

export const DATASETS: Record<TableDataset, DatasetSpec> = { comments, ratings, official, recommendations, participation, moderation };
