import { mean, median, percentile, perceptionGap, seededRandom } from './statistics.js';

describe('rating statistics', () => {
  it('computes medians of odd and even samples', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([4, 0, 2])).toBe(2);
    expect(median([1, 4, 2, 3])).toBe(2.5);
  });

  it('computes means rounded to two decimals', () => {
    expect(mean([])).toBeNull();
    expect(mean([0, 1, 1])).toBe(0.67);
    expect(mean([4, 4, 3, 2, 2])).toBe(3);
  });

  it('interpolates percentiles like R type 7', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([0, 10], 0.025)).toBe(0.25);
    expect(percentile([5], 0.975)).toBe(5);
  });

  it('is deterministic for a seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(seededRandom(43)()).not.toBe(seededRandom(42)());
  });

  it('gives the hand-computed gap, and an interval that contains it', () => {
    // Government says 4,4,3,4,3 (median 4); civil society says 1,2,1,0,2 (median 1): gap 3.
    const gap = perceptionGap([4, 4, 3, 4, 3], [1, 2, 1, 0, 2], 7);
    expect(gap?.value).toBe(3);
    expect(gap!.ciLow).toBeLessThanOrEqual(3);
    expect(gap!.ciHigh).toBeGreaterThanOrEqual(3);
    // Resampled medians can only range between 3−2 and 4−0.
    expect(gap!.ciLow).toBeGreaterThanOrEqual(1);
    expect(gap!.ciHigh).toBeLessThanOrEqual(4);
    expect(perceptionGap([4, 4, 3, 4, 3], [1, 2, 1, 0, 2], 7)).toEqual(gap);
  });

  it('has a zero-width interval when both sides agree unanimously', () => {
    expect(perceptionGap([2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2], 1)).toEqual({ value: 0, ciLow: 0, ciHigh: 0 });
  });

  it('is null when a side has no ratings', () => {
    expect(perceptionGap([], [1, 2], 1)).toBeNull();
    expect(perceptionGap([3], [], 1)).toBeNull();
  });
});
