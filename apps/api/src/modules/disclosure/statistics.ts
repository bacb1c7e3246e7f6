/** Pure statistics for rating figures; unit-tested on hand-computed fixtures. */
import type { RatingSummary, StakeholderTypeCode } from '@compact-voices/contracts';
import type { Side } from './release-audit.js';

/** A rating as the admins' unpublished view reads it. */
export interface RatingRow {
  score: number | null;
  stakeholderType: StakeholderTypeCode;
  side: Side;
}

/**
 * The raw figures of a cell for admins (who see every rating, published or not): n, distribution,
 * median and mean; the same per stakeholder type; the perception gap between the rated country's
 * own verified government bodies and civil society. Never for the public: public figures come
 * from releases (DisclosureService).
 */
export function summariseRatings(rows: readonly RatingRow[], seed: number): Omit<RatingSummary, 'official'> {
  const scores = rows.filter((row) => row.score !== null).map((row) => row.score!);
  const distribution = { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, dontKnow: 0 };
  for (const row of rows) distribution[row.score === null ? 'dontKnow' : (String(row.score) as '0')] += 1;
  const byType: RatingSummary['byStakeholderType'] = {};
  for (const type of new Set(rows.map((row) => row.stakeholderType))) {
    const typeScores = rows.filter((row) => row.stakeholderType === type && row.score !== null).map((row) => row.score!);
    byType[type] = { n: typeScores.length, median: median(typeScores), mean: mean(typeScores) };
  }
  const side = (wanted: Side) => rows.filter((row) => row.side === wanted && row.score !== null).map((row) => row.score!);
  return {
    n: scores.length,
    distribution,
    median: median(scores),
    mean: mean(scores),
    byStakeholderType: byType,
    gap: perceptionGap(side('G'), side('C'), seed),
    suppressed: false,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** mulberry32: a small, fast, seedable PRNG, so a summary is the same every time it is computed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function resample(values: readonly number[], random: () => number): number[] {
  return Array.from({ length: values.length }, () => values[Math.floor(random() * values.length)]!);
}

/** Percentile by linear interpolation between closest ranks (type 7, as R and NumPy default). */
export function percentile(sortedValues: readonly number[], p: number): number {
  const position = (sortedValues.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sortedValues[lower]! + (sortedValues[upper]! - sortedValues[lower]!) * (position - lower);
}

/**
 * The perception gap median(government) − median(civil society), with a percentile bootstrap 95%
 * interval: each side resampled with replacement `iterations` times. Seeded, so reproducible.
 */
export function perceptionGap(
  government: readonly number[],
  civilSociety: readonly number[],
  seed: number,
  iterations = 2_000,
): { value: number; ciLow: number; ciHigh: number } | null {
  const g = median(government);
  const c = median(civilSociety);
  if (g === null || c === null) return null;
  const random = seededRandom(seed);
  const gaps: number[] = [];
  for (let i = 0; i < iterations; i++) gaps.push(median(resample(government, random))! - median(resample(civilSociety, random))!);
  gaps.sort((a, b) => a - b);
  return { value: round(g - c), ciLow: round(percentile(gaps, 0.025)), ciHigh: round(percentile(gaps, 0.975)) };
}

/**
 * The perception gap from score histograms (counts of 0…4 per side), for aggregates over many
 * raters: the value from the full medians; the 95% interval from a seeded bootstrap of at most
 * `cap` values per side drawn from the histogram (conservative: wider than on all values).
 */
export function perceptionGapFromCounts(
  government: readonly number[],
  civilSociety: readonly number[],
  seed: number,
  cap = 1_000,
): { value: number; ciLow: number; ciHigh: number } | null {
  const expand = (counts: readonly number[], limit: number, random: () => number): number[] => {
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (total <= limit) return counts.flatMap((count, score) => Array<number>(count).fill(score));
    const out: number[] = [];
    for (let i = 0; i < limit; i++) {
      let pick = random() * total;
      let score = 0;
      while (pick >= counts[score]!) pick -= counts[score++]!;
      out.push(score);
    }
    return out;
  };
  const g = medianOfCounts(government);
  const c = medianOfCounts(civilSociety);
  if (g === null || c === null) return null;
  const random = seededRandom(seed);
  const interval = perceptionGap(expand(government, cap, random), expand(civilSociety, cap, random), seed);
  return interval ? { value: round(g - c), ciLow: interval.ciLow, ciHigh: interval.ciHigh } : null;
}

/** Median of values given as counts per score 0…4. */
export function medianOfCounts(counts: readonly number[]): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const at = (position: number): number => {
    let seen = 0;
    for (let score = 0; score < counts.length; score++) {
      seen += counts[score]!;
      if (position < seen) return score;
    }
    return counts.length - 1;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Mean of values given as counts per score 0…4. */
export function meanOfCounts(counts: readonly number[]): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  return round(counts.reduce((sum, count, score) => sum + count * score, 0) / total);
}
