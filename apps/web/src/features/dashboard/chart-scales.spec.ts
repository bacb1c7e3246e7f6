import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  contrastRatio,
  fillWeeks,
  gapExtent,
  gapTicks,
  HEAT_CLASSES,
  heatClass,
  heatGrid,
  includesZero,
  isoWeekOf,
  isoWeekStart,
  linearScale,
  participationSeries,
  roundShares,
  weekStart,
} from './chart-scales';

describe('the heatmap colour scale', () => {
  it('gives each half step of 0–4 its own class, nearest, clamped', () => {
    expect([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4].map(heatClass)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(heatClass(2.2)).toBe(4);
    expect(heatClass(2.3)).toBe(5);
    expect(heatClass(-1)).toBe(0);
    expect(heatClass(9)).toBe(8);
    expect(heatClass(Number.NaN)).toBe(0);
  });

  it('runs from light to dark, so darker always means further implemented', () => {
    const lightness = HEAT_CLASSES.map((item) => contrastRatio(item.background, '#000000'));
    expect([...lightness].sort((a, b) => b - a)).toEqual(lightness);
  });

  it('prints every value with at least 4.5:1 contrast on its cell', () => {
    for (const { background, text } of HEAT_CLASSES) expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
  });

  it('matches the .heat-<n> classes of the stylesheet', () => {
    const css = readFileSync(fileURLToPath(new URL('./dashboard.css', import.meta.url)), 'utf8');
    HEAT_CLASSES.forEach(({ background, text }, index) => {
      // Whatever the layout: the rule's two declarations, in order.
      expect(css).toMatch(new RegExp(`\\.heat-${index}\\s*\\{\\s*background:\\s*${background};\\s*color:\\s*${text};\\s*\\}`));
    });
  });

  it('lays the cells out as countries × principles, with a gap where there is no cell', () => {
    const grid = heatGrid(
      [
        { principleCode: 'HR', countryIso3: 'NPL', n: 6, median: 2, suppressed: false },
        { principleCode: 'PC', countryIso3: 'PHL', n: null, median: null, suppressed: true },
      ],
      ['PC', 'HR'],
      ['NPL', 'PHL'],
    );
    expect(
      grid.map((row) => [row.iso3, row.cells.map((cell) => cell.cell?.median ?? (cell.cell?.suppressed ? 'suppressed' : null))]),
    ).toEqual([
      ['NPL', [null, 2]],
      ['PHL', ['suppressed', null]],
    ]);
  });
});

describe('the perception-gap scale', () => {
  it('is symmetric around zero, in whole levels, wide enough for every interval, at most ±4', () => {
    expect(gapExtent([])).toBe(1);
    expect(gapExtent([{ value: 0.5, ciLow: -0.2, ciHigh: 0.9 }])).toBe(1);
    expect(gapExtent([{ value: -1, ciLow: -2.5, ciHigh: 0 }])).toBe(3);
    expect(gapExtent([{ value: 3, ciLow: 1, ciHigh: 6 }])).toBe(4);
    expect(gapTicks(2)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('maps -extent, 0 and extent to the start, middle and end, clamping outside values', () => {
    const x = linearScale(2, 100, 500);
    expect([x(-2), x(0), x(2), x(1)]).toEqual([100, 300, 500, 400]);
    expect(x(-7)).toBe(100);
    expect(x(9)).toBe(500);
  });

  it('says when an interval includes zero', () => {
    expect(includesZero({ ciLow: -0.5, ciHigh: 1 })).toBe(true);
    expect(includesZero({ ciLow: 0, ciHigh: 1 })).toBe(true);
    expect(includesZero({ ciLow: 0.2, ciHigh: 1 })).toBe(false);
  });
});

describe('stacked shares', () => {
  it('add up to exactly 100 whole percent', () => {
    const shares = roundShares([1, 1, 1]);
    expect(shares.reduce((sum, value) => sum + value, 0)).toBe(100);
    expect(shares).toEqual([34, 33, 33]);
    expect(roundShares([3, 0, 7, 0, 0, 0])).toEqual([30, 0, 70, 0, 0, 0]);
    expect(roundShares([0, 0])).toEqual([0, 0]);
  });
});

describe('participation over time', () => {
  it('reads ISO weeks, across a year end', () => {
    expect(isoWeekStart('2026-W01')?.toISOString().slice(0, 10)).toBe('2025-12-29');
    expect(isoWeekOf(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    expect(fillWeeks(['2026-W52', '2027-W02'])).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('also reads weeks labelled by their first day, as the API sends them', () => {
    expect(weekStart('2026-11-16')?.toISOString().slice(0, 10)).toBe('2026-11-16');
    expect(weekStart('2026-W47')?.toISOString().slice(0, 10)).toBe('2026-11-16');
    expect(weekStart('soon')).toBeNull();
    expect(fillWeeks(['2026-12-21', '2027-01-04'])).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
    expect(fillWeeks(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('fills quiet weeks with 0 and keeps the types that took part, in the contract’s order', () => {
    const series = participationSeries([
      { week: '2026-W45', stakeholderType: 'individual', people: 3 },
      { week: '2026-W47', stakeholderType: 'government', people: 5 },
      { week: '2026-W47', stakeholderType: 'individual', people: 1 },
      { week: '2026-W46', stakeholderType: 'media', people: 0 },
    ]);
    expect(series.weeks).toEqual(['2026-W45', '2026-W46', '2026-W47']);
    expect(series.types).toEqual(['government', 'individual']);
    expect(series.value('2026-W46', 'individual')).toBe(0);
    expect(series.value('2026-W47', 'government')).toBe(5);
    expect(series.max).toBe(5);
  });
});
