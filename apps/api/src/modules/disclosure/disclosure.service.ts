import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OnEvent } from '@nestjs/event-emitter';
import type { DataSource } from 'typeorm';
import {
  ErrorCode,
  STAKEHOLDER_TYPE_CODES,
  type CellStatistics,
  type Dashboard,
  type ExportFilters,
  type RatingSummary,
  type RecommendationCoverage,
  type StakeholderTypeCode,
} from '@compact-voices/contracts';
import { AggregateCache } from '../../core/cache/aggregate-cache.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RATINGS_RELEASED, type RatingsReleasedEvent } from './disclosure.events.js';
import { MIN_PEOPLE } from './release-audit.js';
import {
  cellScope,
  latestGaps,
  latestGroups,
  participationRows,
  publishedCoverage,
  type PublishedGap,
  type PublishedGroup,
  type Query,
} from './published-statistics.repository.js';
import { seal } from './seal.js';
import { meanOfCounts, medianOfCounts, round } from './statistics.js';

/** Published figures change only with a release: kept until one is made here, or this long (a release made by another instance). */
const PUBLISHED_CACHE_MS = 60_000;
const COVERAGE_CACHE_ENTRIES = 100;
/** Every cell and every pooled summary of a few busy rounds (32 recommendations × 30-odd countries each). */
const SUMMARY_CACHE_ENTRIES = 5_000;

type CoverageRow = { recommendationCode: string; raters: number; countries: number };

/** Public time filters: whole UTC days, and a window of at least this many days when both ends are given. */
export const MIN_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

type Histogram = [number, number, number, number, number];
const EMPTY = (): Histogram => [0, 0, 0, 0, 0];
const add = (into: Histogram, counts: readonly number[]) => counts.forEach((count, score) => (into[score]! += count));

/**
 * The disclosure-control layer: every count and statistic the public gets — rating summaries,
 * the dashboard, coverage, live summaries, the public report and public exports, transparency and
 * reaction counts — is made here, from published releases only (rating-releases.service.ts) or
 * under a count rule, and sealed (seal.ts) so a bypass is caught. See docs/privacy.md.
 */
@Injectable()
export class DisclosureService {
  private readonly coverageCache = new AggregateCache<CoverageRow[]>(PUBLISHED_CACHE_MS, COVERAGE_CACHE_ENTRIES);
  private readonly summaryCache = new AggregateCache<Omit<RatingSummary, 'official'>>(PUBLISHED_CACHE_MS, SUMMARY_CACHE_ENTRIES);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @OnEvent(RATINGS_RELEASED)
  forgetPublished(event: RatingsReleasedEvent): void {
    this.coverageCache.forget(event.consultationId);
    this.summaryCache.forget(summaryKey(event.consultationId, event.recommendationCode, event.countryIso3));
    this.summaryCache.forget(summaryKey(event.consultationId, event.recommendationCode, null));
  }

  private readonly query: Query = (sql, params) => this.dataSource.query(sql, params);

  /**
   * Whole UTC days and a window of at least MIN_WINDOW_DAYS: a public figure can never be cut finer
   * than a day, nor to a span so short that one day's contributions stand out.
   */
  assertPublicTimeFilters(filters: Pick<ExportFilters, 'from' | 'to'>): void {
    const details: Array<{ field: string; reason: string; message: string }> = [];
    for (const field of ['from', 'to'] as const) {
      const value = filters[field];
      if (value !== undefined && new Date(value).getTime() % DAY_MS !== 0) {
        details.push({ field, reason: 'wholeDays', message: 'Public figures are cut at whole days (UTC midnight)' });
      }
    }
    if (
      details.length === 0 &&
      filters.from &&
      filters.to &&
      new Date(filters.to).getTime() - new Date(filters.from).getTime() < MIN_WINDOW_DAYS * DAY_MS
    ) {
      details.push({ field: 'to', reason: 'minimumWindow', message: `A public time window is at least ${MIN_WINDOW_DAYS} days` });
    }
    if (details.length > 0)
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION_FAILED,
        'Time filters of public figures are whole days, at least a week apart',
        details,
      );
  }

  /** A count of people: itself when at least the minimum, otherwise withheld (null). */
  peopleCount(people: number): number | null {
    return people >= MIN_PEOPLE ? people : null;
  }

  /** Counts of public records (moderation decisions, appeals, flags, reactions): each a visible act, shown as is. */
  publicRecord<T extends object>(value: T): T {
    return seal(value);
  }

  /** A public summary with the official status beside it (a government's public statement, not a statistic). */
  withOfficial(summary: Omit<RatingSummary, 'official'>, official: RatingSummary['official']): RatingSummary {
    return seal({ ...summary, official });
  }

  /** Every rating as it stands, for an admin (the one role that may see unpublished figures). */
  forAdmin<T extends object>(figures: T): T {
    return seal(figures);
  }

  /** A thread's live viewer count: open sockets, not contributions; shown as is. */
  presence(count: number): { count: number } {
    return seal({ count });
  }

  /**
   * The public summary of a cell, or pooled over every country (`countryIso3` null), as the public
   * endpoints serve it: from the cache, so repeating the question costs no database time.
   */
  publishedSummary(
    consultationId: string,
    recommendationCode: string,
    countryIso3: string | null,
  ): Promise<Omit<RatingSummary, 'official'>> {
    return this.summaryCache.get(summaryKey(consultationId, recommendationCode, countryIso3), () =>
      countryIso3
        ? this.cellSummary(consultationId, recommendationCode, countryIso3)
        : this.pooledSummary(consultationId, recommendationCode),
    );
  }

  /** A cell's public summary (without the official status, which is a public statement, not a statistic). */
  async cellSummary(
    consultationId: string,
    recommendationCode: string,
    countryIso3: string,
    query: Query = this.query,
  ): Promise<Omit<RatingSummary, 'official'>> {
    const scope = { consultationId, recommendationCode, countryIso3 };
    const [groups, gaps] = await Promise.all([latestGroups(query, scope, ALL_GROUPS), latestGaps(query, scope)]);
    return summaryOf(groups, gaps[0] ? { value: gaps[0].value, ciLow: gaps[0].ciLow, ciHigh: gaps[0].ciHigh } : null);
  }

  /**
   * A recommendation's summary over every country of a round: the sum of each country's published
   * figures (a country without any adds nothing, so all-countries minus one country is that
   * country's own published figure — never a hidden one), and the gap combined from per-country gaps.
   */
  async pooledSummary(
    consultationId: string,
    recommendationCode: string,
    query: Query = this.query,
  ): Promise<Omit<RatingSummary, 'official'>> {
    const scope = { consultationId, recommendationCode };
    const [groups, gaps] = await Promise.all([latestGroups(query, scope, ALL_GROUPS), latestGaps(query, scope)]);
    return summaryOf(groups, combineGaps(gaps));
  }

  /** The rating parts of the dashboard: heatmap, distributions, gaps — all sums of published figures. */
  async dashboardRatings(
    filters: ExportFilters,
    query: Query = this.query,
  ): Promise<Pick<Dashboard, 'heatmap' | 'distributions' | 'gaps'>> {
    const scope = cellScope(filters);
    const typed = filters.stakeholderType;
    const groups = await latestGroups(query, scope, typed ? [`type:${typed}`] : ['total', 'dk']);
    const cells = new Map<string, { principleCode: string; countryIso3: string; counts: Histogram; n: number }>();
    const perRecommendation = new Map<string, { counts: Histogram; n: number; dontKnow: number | null }>();
    for (const group of groups) {
      const recommendation = perRecommendation.get(group.recommendationCode) ?? { counts: EMPTY(), n: 0, dontKnow: null };
      perRecommendation.set(group.recommendationCode, recommendation);
      if (group.predicate === 'dk') {
        recommendation.dontKnow = (recommendation.dontKnow ?? 0) + group.people;
        continue;
      }
      const key = `${group.principleCode}/${group.countryIso3}`;
      const cell = cells.get(key) ?? { principleCode: group.principleCode, countryIso3: group.countryIso3, counts: EMPTY(), n: 0 };
      cells.set(key, cell);
      add(cell.counts, group.counts);
      cell.n += group.people;
      add(recommendation.counts, group.counts);
      recommendation.n += group.people;
    }
    const gaps = typed ? [] : await latestGaps(query, scope);
    const gapsByRecommendation = new Map<string, PublishedGap[]>();
    for (const gap of gaps)
      gapsByRecommendation.set(gap.recommendationCode, [...(gapsByRecommendation.get(gap.recommendationCode) ?? []), gap]);
    return seal({
      heatmap: [...cells.values()]
        .sort((a, b) => a.principleCode.localeCompare(b.principleCode) || a.countryIso3.localeCompare(b.countryIso3))
        .map((cell) =>
          seal({
            principleCode: cell.principleCode,
            countryIso3: cell.countryIso3,
            n: cell.n,
            median: medianOfCounts(cell.counts),
            suppressed: false,
          }),
        ),
      // A stakeholder type publishes medians only: its histograms stay inside the server.
      distributions: [...perRecommendation.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
        .map(([recommendationCode, d]) =>
          seal(
            typed || d.n === 0
              ? { recommendationCode, n: d.n > 0 ? d.n : null, counts: null, suppressed: true }
              : {
                  recommendationCode,
                  n: d.n,
                  counts: {
                    '0': d.counts[0],
                    '1': d.counts[1],
                    '2': d.counts[2],
                    '3': d.counts[3],
                    '4': d.counts[4],
                    dontKnow: d.dontKnow,
                  },
                  suppressed: false,
                },
          ),
        ),
      gaps: [...gapsByRecommendation.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
        .map(([recommendationCode, list]) => seal({ recommendationCode, ...combineGaps(list)! })),
    }) as Pick<Dashboard, 'heatmap' | 'distributions' | 'gaps'>;
  }

  /** Distinct people per week and stakeholder type; a row of fewer than the minimum is left out. */
  async participation(filters: ExportFilters, query: Query = this.query): Promise<Dashboard['participation']> {
    const rows = await participationRows(query, filters);
    return seal(rows.filter((row) => row.people >= MIN_PEOPLE).map((row) => seal({ ...row })));
  }

  /**
   * A round's coverage per recommendation: people whose ratings the latest releases publish, the
   * countries published, and the published comments (public records) counted by the caller. The
   * published part changes only with a release, so it is kept until one is made (or a minute, for
   * releases made by another instance).
   */
  async coverage(
    consultationId: string,
    recommendations: ReadonlyArray<{ recommendationCode: string; comments: number }>,
    query: Query = this.query,
  ): Promise<RecommendationCoverage[]> {
    const rows =
      query === this.query
        ? await this.coverageCache.get(consultationId, () => publishedCoverage(query, consultationId))
        : await publishedCoverage(query, consultationId);
    const published = new Map(rows.map((row) => [row.recommendationCode, row]));
    return recommendations.map(({ recommendationCode, comments }) =>
      seal({
        recommendationCode,
        raters: published.get(recommendationCode)?.raters ?? 0,
        countriesRated: published.get(recommendationCode)?.countries ?? 0,
        comments,
      }),
    );
  }

  /** Latest published groups and gaps of the cells in scope, for the public report and public exports. */
  async published(filters: ExportFilters, query: Query): Promise<{ groups: PublishedGroup[]; gaps: PublishedGap[] }> {
    const scope = cellScope(filters);
    const [groups, gaps] = await Promise.all([latestGroups(query, scope, ALL_GROUPS), latestGaps(query, scope)]);
    return { groups, gaps };
  }
}

const summaryKey = (consultationId: string, recommendationCode: string, countryIso3: string | null) =>
  `${consultationId}/${recommendationCode}/${countryIso3 ?? '*'}`;

const ALL_GROUPS = ['total', 'dk', ...STAKEHOLDER_TYPE_CODES.map((code) => `type:${code}`)];

/** A summary from published groups (of one cell, or of several to be pooled). */
export function summaryOf(
  groups: readonly PublishedGroup[],
  gap: { value: number; ciLow: number; ciHigh: number } | null,
): Omit<RatingSummary, 'official'> {
  const total = EMPTY();
  let n = 0;
  let dontKnow: number | null = null;
  const byType = new Map<StakeholderTypeCode, { counts: Histogram; n: number }>();
  for (const group of groups) {
    if (group.predicate === 'total') {
      add(total, group.counts);
      n += group.people;
    } else if (group.predicate === 'dk') {
      dontKnow = (dontKnow ?? 0) + group.people;
    } else if (group.predicate.startsWith('type:')) {
      const type = group.predicate.slice('type:'.length) as StakeholderTypeCode;
      const entry = byType.get(type) ?? { counts: EMPTY(), n: 0 };
      add(entry.counts, group.counts);
      entry.n += group.people;
      byType.set(type, entry);
    }
  }
  if (n === 0) {
    return seal({ n: null, distribution: null, median: null, mean: null, byStakeholderType: null, gap: null, suppressed: true });
  }
  const byStakeholderType: RatingSummary['byStakeholderType'] = {};
  for (const [type, entry] of byType)
    byStakeholderType[type] = seal<CellStatistics>({ n: entry.n, median: medianOfCounts(entry.counts), mean: null });
  return seal({
    n,
    distribution: seal({ '0': total[0], '1': total[1], '2': total[2], '3': total[3], '4': total[4], dontKnow }),
    median: medianOfCounts(total),
    mean: meanOfCounts(total),
    byStakeholderType: seal(byStakeholderType),
    gap: gap ? seal({ ...gap }) : null,
    suppressed: false,
  }) as Omit<RatingSummary, 'official'>;
}

/**
 * Several countries' gaps as one figure: the mean of the per-country gaps (each the country's own
 * verified government bodies against civil society rating that country — never one country's
 * ministries against another's civil society), with an interval from the per-country intervals
 * (each read as ±1.96 standard errors; the errors combined as for a mean of independent estimates).
 */
export function combineGaps(
  gaps: ReadonlyArray<{ value: number; ciLow: number; ciHigh: number }>,
): { value: number; ciLow: number; ciHigh: number } | null {
  if (gaps.length === 0) return null;
  if (gaps.length === 1) return { value: gaps[0]!.value, ciLow: gaps[0]!.ciLow, ciHigh: gaps[0]!.ciHigh };
  const value = gaps.reduce((sum, gap) => sum + gap.value, 0) / gaps.length;
  const variance = gaps.reduce((sum, gap) => sum + ((gap.ciHigh - gap.ciLow) / (2 * 1.96)) ** 2, 0) / gaps.length ** 2;
  const half = 1.96 * Math.sqrt(variance);
  return { value: round(value), ciLow: round(value - half), ciHigh: round(value + half) };
}
