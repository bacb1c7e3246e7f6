/**
 * Proof of passage: every object that carries a count or a statistic out of the server is made by
 * the disclosure layer, which seals it here. `unsealedStatistics` finds, in a response or a socket
 * payload, any object with statistic-like fields that nobody sealed: the route bypassed the layer.
 * The check runs on every public response and live event (StatisticsGuard) and a test walks every
 * public route with it (apps/api/test/disclosure-walk.e2e-spec.ts).
 */
const sealed = new WeakSet<object>();

export function seal<T extends object>(value: T): T {
  sealed.add(value);
  return value;
}

export function isSealed(value: object): boolean {
  return sealed.has(value);
}

/** Field names that, holding a number (or numbers), are a count or a statistic about people. */
export const STATISTIC_FIELDS = new Set([
  'n',
  'median',
  'mean',
  'distribution',
  'counts',
  'raters',
  'people',
  'gap',
  'countriesRated',
  'comments',
  'ratings',
  'byStakeholderType',
  'count',
  'agree',
  'disagree',
  'pending',
  'upheld',
  'overturned',
  'sanctions',
  'medianHoursToDecision',
]);

const isStatistic = (key: string, value: unknown) =>
  STATISTIC_FIELDS.has(key) && (typeof value === 'number' || (value !== null && typeof value === 'object' && !Array.isArray(value)));

/** Paths (a.b[2].c) of unsealed objects with statistic fields, outside any sealed object. */
export function unsealedStatistics(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (isSealed(value)) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unsealedStatistics(item, `${path}[${index}]`, seen));
  const entries = Object.entries(value as Record<string, unknown>);
  const own = entries.some(([key, field]) => isStatistic(key, field)) ? [path] : [];
  return [...own, ...entries.flatMap(([key, field]) => unsealedStatistics(field, `${path}.${key}`, seen))];
}
