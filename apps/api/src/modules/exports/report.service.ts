import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import type { ExportFilters, ExportPrivacy, RatingSummary, StakeholderTypeCode } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { DisclosureService, combineGaps, summaryOf } from '../disclosure/disclosure.service.js';
import type { PublishedGroup, Query } from '../disclosure/published-statistics.repository.js';
import { MIN_PEOPLE, sideOf } from '../disclosure/release-audit.js';
import { median, medianOfCounts, summariseRatings, type RatingRow } from '../disclosure/statistics.js';
import type { ExportReader } from './export-reader.js';
import { ReportRepository } from './report.repository.js';

const MIN_CELL = MIN_PEOPLE;

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const DEJAVU_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const SCALE = ['Not started', 'Planned', 'In progress', 'Largely implemented', 'Fully implemented'];
const HIGHLIGHT_LIMIT = 5;

interface RatingDetail extends RatingRow {
  countryIso3: string;
}

/** One recommendation's figures as the report prints them. */
interface RecommendationFigures {
  summary: Omit<RatingSummary, 'official'>;
  /** Per country: raters shown (or null when nothing is published) and the median. */
  countries: Map<string, { raters: number | null; median: number | null }>;
}

/** Markdown to plain text for print: the report never renders HTML, so nothing in a comment can fetch or run anything. */
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
 * and the comments moderators highlighted. A public report prints published figures only — the
 * same as the website (DisclosureService); a full report reads every rating as it is.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly config: AppConfig,
    private readonly disclosure: DisclosureService,
    private readonly secrets: AppSecrets,
    private readonly repository: ReportRepository,
  ) {}

  async write(reader: ExportReader, filters: ExportFilters, path: string, privacy: ExportPrivacy): Promise<number> {
    const suppress = privacy === 'public';
    const query: Query = (sql, params) => reader.query(sql, params);
    const round = filters.consultationId ? await this.repository.round(query, filters.consultationId) : undefined;
    const recommendations = await this.repository.recommendations(query, filters);
    const figures = suppress ? await this.publishedFigures(query, filters) : await this.allFigures(query, filters);
    const totals = suppress ? await this.publishedTotals(query, filters) : await this.allTotals(query, filters);
    const official = await this.repository.official(query, filters);
    const highlighted = await this.repository.highlighted(query, filters);

    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Compact Voices report${round ? ` — ${round.title}` : ''}`, Creator: 'Compact Voices', CreationDate: new Date(0) },
    });
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
    font('bold')
      .fontSize(18)
      .text(round?.title ?? 'All consultation rounds');
    font('body').fontSize(11).moveDown(0.5);
    if (round)
      doc.text(
        `Open ${round.opensAt} to ${round.closesAt} · moderation ${round.moderationMode === 'pre' ? 'before publication' : 'after publication'}`,
      );
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
        (suppress
          ? `To protect participants, this report prints only the figures the platform publishes: at least ${MIN_CELL} people stand behind every number, "don't know" answers are counted apart, and a country's figures change only in batches of at least ${MIN_CELL} ratings, so some of the newest or changed ratings may not be counted yet. Figures for all countries are sums of the countries' published figures. `
          : 'This full report counts every rating as it stands, including those not yet published. ') +
        `The perception gap is the median rating of the rated country's own verified government bodies minus the median of civil society rating that country (migrant organisations, civil society, trade unions, and people in their own name: migrants, returned migrants, migrants' families and other individuals), with a 95% interval from 2,000 bootstrap resamples; over several countries it is the mean of the per-country gaps. Official status is the self-assessment a verified government organisation posted for its country. Quoted comments were chosen by the round's moderators; every moderation decision cites a published house rule.`,
    );

    // Response numbers
    heading('Responses');
    paragraph(
      `${totals.people === null ? `Fewer than ${MIN_CELL}` : totals.people} people took part: ${totals.comments} published comments, ${totals.ratings} ${suppress ? 'published ' : ''}ratings and ${official.length} official self-assessments.`,
    );
    table(
      ['Stakeholder type', 'People'],
      totals.byType.map((row) => [row.stakeholderType, row.people === null ? `fewer than ${MIN_CELL}` : String(row.people)]),
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
      const { summary, countries: byCountry } = figures.get(recommendation.code) ?? { summary: summaryOf([], null), countries: new Map() };
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
      const officialHere = official.filter((row) => row.recommendationCode === recommendation.code);
      const countries = [...new Set([...byCountry.keys(), ...officialHere.map((row) => row.countryIso3)])].sort();
      if (countries.length > 0) {
        doc.moveDown(0.3);
        table(
          ['Country', 'Raters', 'Stakeholder median', 'Official status'],
          countries.map((iso3) => {
            const cell = byCountry.get(iso3);
            const stated = officialHere.find((row) => row.countryIso3 === iso3);
            return [
              iso3,
              cell?.raters == null ? '—' : String(cell.raters),
              cell?.median == null ? '—' : String(cell.median),
              stated ? `${stated.score} ${SCALE[stated.score] ?? ''}` : '—',
            ];
          }),
        );
      }
      if (summary.byStakeholderType) {
        const types = Object.entries(summary.byStakeholderType).sort(([a], [b]) => a.localeCompare(b));
        if (types.length > 0) {
          table(
            ['Stakeholder type', 'Raters', 'Median'],
            types.map(([type, cell]) =>
              cell && 'suppressed' in cell ? [type, '—', '—'] : [type, String(cell?.n ?? 0), String(cell?.median ?? '—')],
            ),
          );
        }
      }
      const quotes = highlighted.filter((row) => row.recommendationCode === recommendation.code).slice(0, HIGHLIGHT_LIMIT);
      for (const quote of quotes) {
        if (doc.y > doc.page.height - 120) doc.addPage();
        font('body')
          .fontSize(9)
          .fillColor('#333333')
          .text(`“${plainText(quote.body).slice(0, 700)}”`, { indent: 12 });
        font('body')
          .fontSize(8)
          .fillColor('#555555')
          .text(`— ${quote.author}${quote.countryIso3 ? `, about ${quote.countryIso3}` : ''}`, { indent: 12 });
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

  /** Public: each recommendation's published figures, pooled over the countries in the filter. */
  private async publishedFigures(query: Query, filters: ExportFilters): Promise<Map<string, RecommendationFigures>> {
    const { groups, gaps } = await this.disclosure.published(filters, query);
    const byRecommendation = new Map<string, PublishedGroup[]>();
    for (const group of groups)
      byRecommendation.set(group.recommendationCode, [...(byRecommendation.get(group.recommendationCode) ?? []), group]);
    const figures = new Map<string, RecommendationFigures>();
    for (const [code, list] of byRecommendation) {
      const countries = new Map<string, { raters: number | null; median: number | null }>();
      for (const group of list.filter((g) => g.predicate === 'total')) {
        const dk = list.find((g) => g.predicate === 'dk' && g.countryIso3 === group.countryIso3)?.people ?? 0;
        countries.set(group.countryIso3, { raters: group.people + dk, median: medianOfCounts(group.counts) });
      }
      figures.set(code, { summary: summaryOf(list, combineGaps(gaps.filter((gap) => gap.recommendationCode === code))), countries });
    }
    return figures;
  }

  /** Full: every rating as it stands, per recommendation (admins' report). */
  private async allFigures(query: Query, filters: ExportFilters): Promise<Map<string, RecommendationFigures>> {
    const rows = await this.repository.ratings(query, filters);
    const byRecommendation = new Map<string, RatingDetail[]>();
    for (const row of rows) {
      const detail: RatingDetail = {
        countryIso3: row.countryIso3,
        score: row.score,
        stakeholderType: row.stakeholderType,
        side: sideOf(row.stakeholderType, row.verified, row.raterCountry, row.countryIso3),
      };
      byRecommendation.set(row.recommendationCode, [...(byRecommendation.get(row.recommendationCode) ?? []), detail]);
    }
    const figures = new Map<string, RecommendationFigures>();
    for (const [code, list] of byRecommendation) {
      const countries = new Map<string, { raters: number | null; median: number | null }>();
      for (const iso3 of new Set(list.map((row) => row.countryIso3))) {
        const here = list.filter((row) => row.countryIso3 === iso3);
        countries.set(iso3, { raters: here.length, median: median(here.filter((row) => row.score !== null).map((row) => row.score!)) });
      }
      figures.set(code, {
        summary: summariseRatings(list, this.secrets.statisticsSeed(`report/${filters.consultationId ?? '*'}/${code}`)),
        countries,
      });
    }
    return figures;
  }

  /** Public: people (published comments' authors and published raters), comments, published ratings; people counts under the minimum withheld. */
  private async publishedTotals(
    query: Query,
    filters: ExportFilters,
  ): Promise<{
    people: number | null;
    comments: number;
    ratings: number;
    byType: Array<{ stakeholderType: StakeholderTypeCode; people: number | null }>;
  }> {
    const { groups } = await this.disclosure.published(filters, query);
    const ratings = groups.filter((g) => g.predicate === 'total' || g.predicate === 'dk').reduce((sum, g) => sum + g.people, 0);
    const people = await this.repository.publishedPeople(query, filters);
    const comments = await this.repository.publishedCommentCount(query, filters);
    const all = people.find((row) => row.stakeholderType === null)?.people ?? 0;
    return {
      people: this.disclosure.peopleCount(all),
      comments: comments ?? 0,
      ratings,
      byType: people
        .filter((row) => row.stakeholderType !== null)
        .map((row) => ({ stakeholderType: row.stakeholderType!, people: this.disclosure.peopleCount(row.people) })),
    };
  }

  /** Full: every person, comment and rating in the filter. */
  private async allTotals(
    query: Query,
    filters: ExportFilters,
  ): Promise<{
    people: number | null;
    comments: number;
    ratings: number;
    byType: Array<{ stakeholderType: StakeholderTypeCode; people: number | null }>;
  }> {
    const totals = await this.repository.totals(query, filters);
    const byType = await this.repository.peopleByType(query, filters);
    return { people: totals?.people ?? 0, comments: totals?.comments ?? 0, ratings: totals?.ratings ?? 0, byType };
  }

  /** Bars for 0…4 and don't know, with the numbers printed (never colour alone). */
  private distribution(
    doc: PDFKit.PDFDocument,
    summary: Omit<RatingSummary, 'official'>,
    font: (name: 'body' | 'bold') => PDFKit.PDFDocument,
  ): void {
    if (!summary.distribution) {
      font('body').fontSize(10).text(`Ratings: fewer than ${MIN_CELL} raters — no numbers shown.`);
      return;
    }
    font('body')
      .fontSize(10)
      .text(`Ratings: ${summary.n} scores, median ${summary.median ?? '—'}, mean ${summary.mean ?? '—'}.`);
    const entries: Array<[string, number]> = SCALE.map((label, score): [string, number] => [
      `${score} ${label}`,
      summary.distribution![String(score) as '0'],
    ]);
    if (summary.distribution.dontKnow !== null) entries.push(["Don't know", summary.distribution.dontKnow]);
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
