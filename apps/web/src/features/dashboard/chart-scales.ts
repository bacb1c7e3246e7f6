import { STAKEHOLDER_TYPE_CODES, type Dashboard, type StakeholderTypeCode } from '@compact-voices/contracts';

/**
 * The heatmap's sequential palette: ColorBrewer YlGnBu, 9 classes — colour-blind safe and readable
 * in greyscale, light (0, not started) to dark (4, fully implemented). One class per half step of
 * the 0–4 scale. Each class has a text colour with at least 4.5:1 contrast, because the value is
 * printed in every cell (colour is never the only carrier). dashboard.css has `.heat-<n>` with
 * the same colours; a unit test keeps the two in step.
 */
export const HEAT_CLASSES = [
  { background: '#ffffd9', text: '#000000' },
  { background: '#edf8b1', text: '#000000' },
  { background: '#c7e9b4', text: '#000000' },
  { background: '#7fcdbb', text: '#000000' },
  { background: '#41b6c4', text: '#000000' },
  { background: '#1d91c0', text: '#000000' },
  { background: '#225ea8', text: '#ffffff' },
  { background: '#253494', text: '#ffffff' },
  { background: '#081d58', text: '#ffffff' },
] as const;

/** The class (0–8) of a median on the 0–4 scale: one per half step, nearest, clamped. */
export function heatClass(median: number): number {
  if (!Number.isFinite(median)) return 0;
  return Math.min(HEAT_CLASSES.length - 1, Math.max(0, Math.round(median * 2)));
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export type HeatCell = Dashboard['heatmap'][number];

/** The heatmap as a grid: countries (rows, in the given order) × principles (columns). */
export function heatGrid(cells: readonly HeatCell[], principleCodes: readonly string[], countryIso3s: readonly string[]) {
  const byKey = new Map(cells.map((cell) => [`${cell.countryIso3}|${cell.principleCode}`, cell]));
  return countryIso3s.map((iso3) => ({
    iso3,
    cells: principleCodes.map((code) => ({ principleCode: code, cell: byKey.get(`${iso3}|${code}`) ?? null })),
  }));
}

/** The perception-gap axis: symmetric around 0, whole levels, wide enough for every interval (at most ±4). */
export function gapExtent(gaps: ReadonlyArray<{ value: number; ciLow: number; ciHigh: number }>): number {
  const widest = gaps.reduce((max, gap) => Math.max(max, Math.abs(gap.value), Math.abs(gap.ciLow), Math.abs(gap.ciHigh)), 0);
  return Math.min(4, Math.max(1, Math.ceil(widest)));
}

/** A linear scale from [-extent, extent] onto [start, end] pixels; values outside are clamped to the edge. */
export function linearScale(extent: number, start: number, end: number): (value: number) => number {
  return (value) => {
    const clamped = Math.min(extent, Math.max(-extent, value));
    return start + ((clamped + extent) / (2 * extent)) * (end - start);
  };
}

/** The whole levels from -extent to extent, for the gap axis's ticks. */
export function gapTicks(extent: number): number[] {
  const ticks: number[] = [];
  for (let tick = -extent; tick <= extent; tick += 1) ticks.push(tick);
  return ticks;
}

/** Whether an interval includes 0: then the two sides may not see it differently at all. */
export function includesZero(gap: { ciLow: number; ciHigh: number }): boolean {
  return gap.ciLow <= 0 && gap.ciHigh >= 0;
}

export const DISTRIBUTION_KEYS = ['0', '1', '2', '3', '4', 'dontKnow'] as const;
export type DistributionKey = (typeof DISTRIBUTION_KEYS)[number];

export type ParticipationRow = Dashboard['participation'][number];

/**
 * Participation as a week × stakeholder-type table: the weeks in order (every week between the
 * first and the last, so a quiet week shows as 0 rather than vanishing), the types that took
 * part in the contract's order, people per cell, and the largest cell for a shared scale.
 */
export function participationSeries(rows: readonly ParticipationRow[]) {
  const types = STAKEHOLDER_TYPE_CODES.filter((code) => rows.some((row) => row.stakeholderType === code && row.people > 0));
  const weeks = fillWeeks([...new Set(rows.map((row) => row.week))].sort());
  const people = new Map<string, number>();
  for (const row of rows)
    people.set(`${row.week}|${row.stakeholderType}`, (people.get(`${row.week}|${row.stakeholderType}`) ?? 0) + row.people);
  const value = (week: string, type: StakeholderTypeCode) => people.get(`${week}|${type}`) ?? 0;
  const max = Math.max(0, ...rows.map((row) => value(row.week, row.stakeholderType)));
  return { weeks, types, value, max };
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Monday of an ISO week ("2026-W47"). */
export function isoWeekStart(week: string): Date | null {
  const match = ISO_WEEK.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // January 4th is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7);
  return monday;
}

/**
 * The first day of a week as the API labels it: an ISO week ("2026-W47") or the date its week
 * starts ("2026-11-16"); null for anything else.
 */
export function weekStart(week: string): Date | null {
  if (DAY.test(week)) {
    const date = new Date(`${week}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return isoWeekStart(week);
}

/** The ISO week ("2026-W47") a day is in. */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // The Thursday of the same week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const WEEK_MS = 604_800_000;

/**
 * Sorted weeks with the gaps filled in (at most 60 of them), labelled as the input is (ISO weeks
 * or start dates); labels of another kind are kept as they are.
 */
export function fillWeeks(sorted: readonly string[]): string[] {
  if (sorted.length < 2) return [...sorted];
  const isoWeeks = sorted.every((week) => ISO_WEEK.test(week));
  if (!isoWeeks && !sorted.every((week) => DAY.test(week) && weekStart(week))) return [...sorted];
  const first = weekStart(sorted[0])!;
  const last = weekStart(sorted[sorted.length - 1])!;
  const weeks: string[] = [];
  for (let start = first; start <= last && weeks.length < 60; start = new Date(start.getTime() + WEEK_MS)) {
    weeks.push(isoWeeks ? isoWeekOf(start) : start.toISOString().slice(0, 10));
  }
  return weeks;
}

/**
 * Shares as whole percentages that add up to exactly 100 (largest remainder), so stacked segments
 * drawn with the 1 % width classes fill their track without spilling over. All zero stays all zero.
 */
export function roundShares(shares: readonly number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (total <= 0) return shares.map(() => 0);
  const exact = shares.map((share) => (share / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - floors[index] }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] += 1;
    left -= 1;
  }
  return floors;
}
