import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import type { ExportFilters, ExportPrivacy, RatingSummary, StakeholderTypeCode } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { MIN_CELL, median, summariseRatings, type RatingRow } from '../ratings/rating-statistics.js';
import type { ExportReader } from './export-reader.js';
import { filterClause } from './filter-clause.js';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const DEJAVU_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const SCALE = ['Not started', 'Planned', 'In progress', 'Largely implemented', 'Fully implemented'];
const HIGHLIGHT_LIMIT = 5;

interface RecommendationRow {
  code: string;
  text: string;
  principleCode: string;
  principleTitle: string;
}

interface RatingDetail extends RatingRow {
  countryIso3: string;
}

/** Markdown to plain text for print: the report never renders HTML, so nothing in a comment can fetch or run anything (EXP-06). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The PDF report of a round, drawn with PDFKit (no browser, no HTML, no network): cover, method,
 * response numbers, then per principle and recommendation the rating distribution, the
 * perception gap, counts by stakeholder type and country, official status beside stakeholder views,
 * and the comments moderators highlighted. Public reports withhold cells under five raters.
 */
@Injectable()
export class ReportService {
  constructor(private readonly config: AppConfig) {}

  async write(reader: ExportReader, filters: ExportFilters, path: string, privacy: ExportPrivacy): Promise<number> {
    const suppress = privacy === 'public';
    const round = filters.consultationId
      ? (await reader.query<{ title: string; opensAt: string; closesAt: string; moderationMode: string }>(
          `SELECT title, to_char(opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "opensAt", to_char(closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "closesAt",
                  moderation_mode AS "moderationMode" FROM consultation WHERE id = $1`,
          [filters.consultationId],
        ))[0]
      : undefined;
    const scope = filterClause(filters);
    const recommendations = await reader.query<RecommendationRow>(
      `SELECT r.code, r.text, r.principle_code AS "principleCode", p.title AS "principleTitle"
       FROM recommendation r JOIN principle p ON p.code = r.principle_code
       WHERE ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM consultation_recommendation cr WHERE cr.consultation_id = $1 AND cr.recommendation_code = r.code)
              OR NOT EXISTS (SELECT 1 FROM consultation_recommendation cr WHERE cr.consultation_id = $1))
         AND ($2::text IS NULL OR r.principle_code = $2) AND ($3::text IS NULL OR r.code = $3)
         AND ($4::int IS NULL OR EXISTS (SELECT 1 FROM recommendation_objective ro WHERE ro.recommendation_code = r.code AND ro.objective_number = $4))
       ORDER BY p.position, r.position`,
      [filters.consultationId ?? null, filters.principleCode?.toUpperCase() ?? null, filters.recommendationCode?.toUpperCase() ?? null, filters.objectiveNumber ?? null],
    );
    const ratings = await reader.query<RatingDetail & { recommendationCode: string }>(
      `SELECT x.recommendation_code AS "recommendationCode", x.country_iso3 AS "countryIso3", x.score, x.rater_stakeholder_type AS "stakeholderType",
              (o.verified_at IS NOT NULL) AS "governmentVerified"
       FROM rating x LEFT JOIN organisation o ON o.id = x.rater_organisation_id WHERE ${scope.where('x', 'rater_stakeholder_type', 'updated_at')}`,
      scope.params,
    );
    const [totals] = await reader.query<{ people: number; comments: number; ratings: number; official: number }>(
      `SELECT (SELECT count(DISTINCT person)::int FROM (SELECT author_id AS person FROM comment x WHERE ${scope.where('x', 'author_stakeholder_type', 'created_at')}
                                                      UNION SELECT user_id FROM rating x WHERE ${scope.where('x', 'rater_stakeholder_type', 'updated_at')}) people) AS people,
              (SELECT count(*)::int FROM comment x WHERE x.status = 'published' AND ${scope.where('x', 'author_stakeholder_type', 'created_at')}) AS comments,
              (SELECT count(*)::int FROM rating x WHERE ${scope.where('x', 'rater_stakeholder_type', 'updated_at')}) AS ratings,
              (SELECT count(*)::int FROM official_assessment x WHERE ${scope.where('x', null, 'updated_at')}) AS official`,
      scope.params,
    );
    const byType = await reader.query<{ stakeholderType: StakeholderTypeCode; people: number }>(
      `SELECT stakeholder_type AS "stakeholderType", count(DISTINCT person)::int AS people FROM (
         SELECT author_stakeholder_type AS stakeholder_type, author_id AS person FROM comment x WHERE ${scope.where('x', 'author_stakeholder_type', 'created_at')}
         UNION ALL SELECT rater_stakeholder_type, user_id FROM rating x WHERE ${scope.where('x', 'rater_stakeholder_type', 'updated_at')}) t
       GROUP BY 1 ORDER BY 1`,
      scope.params,
    );
    const official = await reader.query<{ recommendationCode: string; countryIso3: string; score: number }>(
      `SELECT x.recommendation_code AS "recommendationCode", x.country_iso3 AS "countryIso3", x.score FROM official_assessment x
       WHERE ${scope.where('x', null, 'updated_at')} ORDER BY x.country_iso3`,
      scope.params,
    );
    const highlighted = await reader.query<{ recommendationCode: string; body: string; author: string; countryIso3: string | null }>(
      `SELECT x.recommendation_code AS "recommendationCode", x.body, x.country_iso3 AS "countryIso3",
              CASE WHEN u.status <> 'active' OR u.id IS NULL THEN 'Former participant'
                   WHEN x.author_protected OR u.privacy_mode = 'protected' THEN u.pseudonym
                   ELSE u.display_name || ' (' || x.author_stakeholder_type || ')' END AS author
       FROM comment x LEFT JOIN app_user u ON u.id = x.author_id
       WHERE x.status = 'published' AND x.highlighted_at IS NOT NULL AND ${scope.where('x', 'author_stakeholder_type', 'created_at')}
       ORDER BY x.highlighted_at, x.id`,
      scope.params,
    );

    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Compact Voices report${round ? ` — ${round.title}` : ''}`, Creator: 'Compact Voices', CreationDate: new Date(0) } });
    const regular = this.config.exports.reportFont ?? (existsSync(DEJAVU) ? DEJAVU : undefined);
    const bold = existsSync(DEJAVU_BOLD) && !this.config.exports.reportFont ? DEJAVU_BOLD : regular;
    if (regular) doc.registerFont('body', regular);
    if (bold) doc.registerFont('bold', bold);
    const font = (name: 'body' | 'bold') => doc.font(regular ? name : name === 'bold' ? 'Helvetica-Bold' : 'Helvetica');
    const out = createWriteStream(path);
    doc.pipe(out);

    // Cover
    font('bold').fontSize(24).text('Compact Voices', { align: 'left' });
    font('body').fontSize(14).moveDown(0.5).text('Stakeholder consultation on the implementation of the Global Compact for Migration');
    doc.moveDown(2);
    font('bold').fontSize(18).text(round?.title ?? 'All consultation rounds');
    font('body').fontSize(11).moveDown(0.5);
    if (round) doc.text(`Open ${round.opensAt} to ${round.closesAt} · moderation ${round.moderationMode === 'pre' ? 'before publication' : 'after publication'}`);
    const filterText = Object.entries(filters)
      .filter(([key, value]) => key !== 'consultationId' && value !== undefined && value !== '')
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(' · ');
    if (filterText) doc.text(`Filters: ${filterText}`);
    doc.text(`Privacy level: ${privacy}`);

    // Method
    doc.addPage();
    heading('Method');
    paragraph(
      'Participants rated how far each recommendation of chapter 7 of the Asia-Pacific Migration Report 2020 has been implemented in a country, on a five-point scale: 0 not started, 1 planned, 2 in progress, 3 largely implemented, 4 fully implemented, or “don’t know”. Each person has one current rating per recommendation and country. ' +
        `To protect participants, no numbers are shown for a group of fewer than ${MIN_CELL} raters. The perception gap is the median rating of the government side (only ratings given for a verified government organisation) minus the median of the civil-society side (migrant organisations, civil society, trade unions and individuals), with a 95% interval from a seeded bootstrap of 2,000 resamples. Official status is the self-assessment a verified government organisation posted for its country. Quoted comments were chosen by the round's moderators; every moderation decision cites a published house rule.`,
    );

    // Response numbers
    heading('Responses');
    paragraph(`${totals?.people ?? 0} people took part: ${totals?.comments ?? 0} published comments, ${totals?.ratings ?? 0} ratings and ${totals?.official ?? 0} official self-assessments.`);
    table(
      ['Stakeholder type', 'People'],
      byType.map((row) => [row.stakeholderType, suppress && row.people < MIN_CELL ? `fewer than ${MIN_CELL}` : String(row.people)]),
    );

    // Per principle and recommendation
    let principle = '';
    for (const recommendation of recommendations) {
      if (recommendation.principleCode !== principle) {
        principle = recommendation.principleCode;
        doc.addPage();
        font('bold').fontSize(16).text(`${recommendation.principleCode} — ${recommendation.principleTitle}`);
        doc.moveDown(0.5);
      }
      const mine = ratings.filter((row) => row.recommendationCode === recommendation.code);
      const summary = summariseRatings(mine, suppress, `report/${filters.consultationId ?? '*'}/${recommendation.code}`);
      if (doc.y > doc.page.height - 220) doc.addPage();
      font('bold').fontSize(12).text(recommendation.code);
      font('body').fontSize(9).text(recommendation.text, { align: 'justify' });
      doc.moveDown(0.4);
      this.distribution(doc, summary, font);
      const gap = summary.gap;
      font('body')
        .fontSize(10)
        .text(
          gap
            ? `Perception gap (government − civil society): ${gap.value} (95% interval ${gap.ciLow} to ${gap.ciHigh}).`
            : `Perception gap: not enough ratings on both sides (at least ${MIN_CELL} each).`,
        );
      const byCountry = new Map<string, RatingDetail[]>();
      for (const row of mine) byCountry.set(row.countryIso3, [...(byCountry.get(row.countryIso3) ?? []), row]);
      const officialHere = official.filter((row) => row.recommendationCode === recommendation.code);
      const countries = [...new Set([...byCountry.keys(), ...officialHere.map((row) => row.countryIso3)])].sort();
      if (countries.length > 0) {
        doc.moveDown(0.3);
        table(
          ['Country', 'Raters', 'Stakeholder median', 'Official status'],
          countries.map((iso3) => {
            const rows = byCountry.get(iso3) ?? [];
            const scores = rows.filter((row) => row.score !== null).map((row) => row.score!);
            const hidden = suppress && rows.length < MIN_CELL;
            const stated = officialHere.find((row) => row.countryIso3 === iso3);
            return [iso3, hidden ? `<${MIN_CELL}` : String(rows.length), hidden ? '—' : String(median(scores) ?? '—'), stated ? `${stated.score} ${SCALE[stated.score] ?? ''}` : '—'];
          }),
        );
      }
      if (summary.byStakeholderType) {
        const types = Object.entries(summary.byStakeholderType).sort(([a], [b]) => a.localeCompare(b));
        if (types.length > 0) {
          table(
            ['Stakeholder type', 'Raters', 'Median'],
            types.map(([type, cell]) => (cell && 'suppressed' in cell ? [type, `<${MIN_CELL}`, '—'] : [type, String(cell?.n ?? 0), String(cell?.median ?? '—')])),
          );
        }
      }
      const quotes = highlighted.filter((row) => row.recommendationCode === recommendation.code).slice(0, HIGHLIGHT_LIMIT);
      for (const quote of quotes) {
        if (doc.y > doc.page.height - 120) doc.addPage();
        font('body').fontSize(9).fillColor('#333333').text(`“${plainText(quote.body).slice(0, 700)}”`, { indent: 12 });
        font('body').fontSize(8).fillColor('#555555').text(`— ${quote.author}${quote.countryIso3 ? `, about ${quote.countryIso3}` : ''}`, { indent: 12 });
        doc.fillColor('black').moveDown(0.3);
      }
      doc.moveDown(0.8);
    }
    doc.end();
    await once(out, 'finish');
    return recommendations.length;

    function heading(text: string): void {
      font('bold').fontSize(15).text(text);
      doc.moveDown(0.4);
    }

    function paragraph(text: string): void {
      font('body').fontSize(10).text(text, { align: 'justify' });
      doc.moveDown(0.8);
    }

    function table(headers: string[], rows: string[][]): void {
      const width = doc.page.width - 112;
      const column = width / headers.length;
      const line = (cells: string[], weight: 'body' | 'bold') => {
        if (doc.y > doc.page.height - 80) doc.addPage();
        const y = doc.y;
        font(weight).fontSize(8);
        cells.forEach((cell, index) => doc.text(cell, 56 + index * column, y, { width: column - 6, lineBreak: false, ellipsis: true }));
        doc.x = 56;
        doc.y = y + 12;
      };
      line(headers, 'bold');
      for (const row of rows) line(row, 'body');
      doc.moveDown(0.5);
    }
  }

  /** Bars for 0…4 and don't know, with the numbers printed (never colour alone). */
  private distribution(doc: PDFKit.PDFDocument, summary: Omit<RatingSummary, 'official'>, font: (name: 'body' | 'bold') => PDFKit.PDFDocument): void {
    if (!summary.distribution) {
      font('body').fontSize(10).text(`Ratings: fewer than ${MIN_CELL} raters — no numbers shown.`);
      return;
    }
    font('body').fontSize(10).text(`Ratings: ${summary.n} scores, median ${summary.median ?? '—'}, mean ${summary.mean ?? '—'}.`);
    const entries: Array<[string, number]> = [
      ...SCALE.map((label, score): [string, number] => [`${score} ${label}`, summary.distribution![String(score) as '0']]),
      ["Don't know", summary.distribution.dontKnow],
    ];
    const max = Math.max(1, ...entries.map(([, count]) => count));
    for (const [label, count] of entries) {
      if (doc.y > doc.page.height - 70) doc.addPage();
      const y = doc.y;
      font('body').fontSize(8).text(label, 56, y, { width: 120, lineBreak: false });
      doc.rect(180, y + 1, Math.max(1, (count / max) * 250), 7).fill('#2b6cb0');
      doc.fillColor('black');
      font('body').fontSize(8).text(String(count), 436, y, { width: 40, lineBreak: false });
      doc.x = 56;
      doc.y = y + 11;
    }
    doc.moveDown(0.3);
  }
}
