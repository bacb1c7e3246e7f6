/** Pure statistics for rating summaries; unit-tested on hand-computed fixtures. */

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

export function seedFrom(text: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16_777_619);
  return hash >>> 0;
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
