/**
 * Disclosure control for implementation ratings: the pure rules (no database), unit-tested.
 *
 * Every public number about ratings is computed from a cell's *release*: a snapshot of the cell's
 * eligible ratings (round × recommendation × country) together with the *predicates* published for
 * it — the groups of raters whose statistics may be shown (everyone, "don't know", each stakeholder
 * type, the two sides of the perception gap). A new release is made only when the audit below
 * passes against the cell's whole release history, so that no combination of published numbers —
 * sums across countries, differences between two dates, a type against its cell, one live update
 * against the next — isolates fewer than MIN_PEOPLE rating versions. See docs/privacy.md.
 */
import type { StakeholderTypeCode } from '@compact-voices/contracts';

/** No published number rests on fewer people than this; no two releases differ by fewer. */
export const MIN_PEOPLE = 5;

/** G: the rated country's own verified government bodies; C: civil society; O: everyone else. */
export type Side = 'G' | 'C' | 'O';

/** A rater's class: scored or "don't know", their stakeholder type, their side. */
export interface Leaf {
  kind: 's' | 'd';
  type: StakeholderTypeCode;
  side: Side;
}

/** One contributor's rating as a release holds it (score null for "don't know"). */
export interface ContributorState {
  leaf: Leaf;
  score: number | null;
}

/** Contributor key (the rating's id) → state. */
export type Snapshot = ReadonlyMap<string, ContributorState>;

export type Predicate = 'total' | 'dk' | 'side:G' | 'side:C' | `type:${StakeholderTypeCode}`;

export interface Release {
  no: number;
  predicates: readonly Predicate[];
  snapshot: Snapshot;
}

export const GOVERNMENT_TYPES: readonly StakeholderTypeCode[] = ['government', 'local-authority'];
export const CIVIL_SOCIETY_TYPES: readonly StakeholderTypeCode[] = ['migrant-organisation', 'civil-society', 'trade-union', 'individual'];

/**
 * The side a rating counts for in its cell's perception gap: the government side is only a
 * government or local-authority body that the secretariat verified AND that belongs to the rated
 * country — a Malaysian ministry rating the Philippines is not the Philippines' government.
 */
export function sideOf(type: StakeholderTypeCode, organisationVerified: boolean, organisationCountry: string | null, ratedCountry: string): Side {
  if (GOVERNMENT_TYPES.includes(type)) return organisationVerified && organisationCountry === ratedCountry ? 'G' : 'O';
  return CIVIL_SOCIETY_TYPES.includes(type) ? 'C' : 'O';
}

export function inPredicate(predicate: Predicate, leaf: Leaf): boolean {
  if (predicate === 'dk') return leaf.kind === 'd';
  if (leaf.kind !== 's') return false;
  if (predicate === 'total') return true;
  if (predicate === 'side:G') return leaf.side === 'G';
  if (predicate === 'side:C') return leaf.side === 'C';
  return predicate === `type:${leaf.type}`;
}

/**
 * Histograms are published only for the cell as a whole ('total', the scored ratings) and for its
 * "don't know" answers ('dk'): two disjoint parts, so sums and differences of published histograms
 * never mix them. Stakeholder types and the two sides publish only a count and a median (the sides
 * inside the gap), which do not add up.
 */
export function isAdditive(predicate: Predicate): boolean {
  return predicate === 'total' || predicate === 'dk';
}

const leafKey = (leaf: Leaf) => `${leaf.kind}|${leaf.type}|${leaf.side}`;

export function peopleIn(snapshot: Snapshot, predicate: Predicate): number {
  let people = 0;
  for (const state of snapshot.values()) if (inPredicate(predicate, state.leaf)) people += 1;
  return people;
}

export interface AuditFailure {
  rule: 'size' | 'atom' | 'change';
  detail: string;
}

/**
 * Would publishing `predicates` of `snapshot` as the next release keep every published number, and
 * every combination of them with what earlier releases published, resting on at least k rating
 * versions?
 *
 * 1. Size: every published group has at least k people.
 * 2. Complements (this release): the published groups cut the raters into *atoms*, the classes of
 *    raters that belong to exactly the same groups. A cell of five civil-society raters and one
 *    government rater cannot publish both the cell and its civil-society figures: the cell's
 *    histogram against the civil-society median pins down the one government rater. Every atom
 *    holds 0 or at least k people.
 * 3. Changes (all releases): see `versionGraphFailure` — no sum or difference of a group's figures
 *    at any of the releases that published it isolates fewer than k rating versions.
 */
export function audit(history: readonly Release[], snapshot: Snapshot, predicates: readonly Predicate[], k = MIN_PEOPLE): AuditFailure | null {
  for (const predicate of predicates) {
    const people = peopleIn(snapshot, predicate);
    if (people < k) return { rule: 'size', detail: `${predicate} has ${people}` };
  }
  const atoms = new Map<string, number>();
  for (const state of snapshot.values()) {
    const vector = predicates.filter((predicate) => inPredicate(predicate, state.leaf)).join(',');
    if (vector) atoms.set(vector, (atoms.get(vector) ?? 0) + 1);
  }
  for (const [vector, people] of atoms) if (people > 0 && people < k) return { rule: 'atom', detail: `raters in exactly [${vector}]: ${people}` };
  for (const predicate of predicates) {
    const publications = [...history.filter((release) => release.predicates.includes(predicate)).map((release) => release.snapshot), snapshot];
    const failure = versionGraphFailure(publications, predicate, k);
    if (failure) return { rule: 'change', detail: `${predicate}: ${failure}` };
  }
  return null;
}

/**
 * A group published at releases 1…m is a sequence of histograms. Each rater's score in it is a
 * *coordinate* (rater, score), present over runs of publications. Any combination
 * Σ c_t·(histogram at t) weighs a coordinate present over the run a…b by C(b) − C(a−1), C being the
 * running sum of the c_t: a potential on the m+1 boundaries between publications, the coordinate a
 * forward edge a−1 → b between two of them. A set S of boundaries raised by one (every
 * combination is a sum of such steps) adds the edges entering S and subtracts the edges leaving
 * it. What a combination shows is (what it adds) − (what it subtracts), and either part alone
 * can give a score away — one rating withdrawn among others only added shows as the one negative
 * — so each part must be empty or hold at least k coordinates: every set S is entered by 0 or
 * at least k edges. For a directed graph that is: for every edge a → b, the maximum flow from a
 * to b is at least k (Menger). This covers one release (its size), two (a batch of changes) and
 * any longer chain (six added and five of them withdrawn later, other batches in between). A rater
 * who comes back to a score they had before is one coordinate over several runs whose weights may
 * cancel: those runs carry no flow, but each still needs its k paths.
 */
export function versionGraphFailure(publications: readonly Snapshot[], predicate: Predicate, k: number): string | null {
  const nodes = publications.length + 1;
  const capacity = Array.from({ length: nodes }, () => new Array<number>(nodes).fill(0));
  const edges = new Set<number>();
  const ids = new Set<string>();
  for (const snapshot of publications) for (const id of snapshot.keys()) ids.add(id);
  for (const id of ids) {
    const runs = new Map<string, Array<[number, number]>>();
    let runStart = -1;
    let runKey = '';
    for (let t = 0; t <= publications.length; t++) {
      const state = t < publications.length ? publications[t]!.get(id) : undefined;
      const key = state && inPredicate(predicate, state.leaf) ? `${state.score}` : '';
      if (key === runKey) continue;
      if (runKey) runs.set(runKey, [...(runs.get(runKey) ?? []), [runStart, t]]);
      runKey = key;
      runStart = t;
    }
    for (const coordinateRuns of runs.values()) {
      for (const [from, to] of coordinateRuns) {
        edges.add(from * nodes + to);
        if (coordinateRuns.length === 1) capacity[from]![to]! += 1;
      }
    }
  }
  for (const edge of edges) {
    const from = Math.floor(edge / nodes);
    const to = edge % nodes;
    const flow = maximumFlow(capacity, from, to, k);
    if (flow < k) return `${flow} disjoint path(s) from publication boundary ${from} to ${to}`;
  }
  return null;
}

/** Edmonds–Karp on a small dense graph, stopping once `enough` units flow. */
export function maximumFlow(capacity: readonly number[][], source: number, sink: number, enough: number): number {
  const size = capacity.length;
  const residual = capacity.map((row) => [...row]);
  let flow = 0;
  while (flow < enough) {
    const previous = new Array<number>(size).fill(-1);
    previous[source] = source;
    const queue = [source];
    while (queue.length > 0 && previous[sink] === -1) {
      const node = queue.shift()!;
      for (let next = 0; next < size; next++) {
        if (previous[next] === -1 && residual[node]![next]! > 0) {
          previous[next] = node;
          queue.push(next);
        }
      }
    }
    if (previous[sink] === -1) break;
    let bottleneck = Number.POSITIVE_INFINITY;
    for (let node = sink; node !== source; node = previous[node]!) bottleneck = Math.min(bottleneck, residual[previous[node]!]![node]!);
    for (let node = sink; node !== source; node = previous[node]!) {
      residual[previous[node]!]![node]! -= bottleneck;
      residual[node]![previous[node]!]! += bottleneck;
    }
    flow += bottleneck;
  }
  return flow;
}

export interface ReleasePlan {
  snapshot: Snapshot;
  predicates: Predicate[];
}

/**
 * The next release of a cell, or null when none can be made yet. Tries, in turn: every pending
 * change; only the new raters (changed and withdrawn ratings wait); only the changed and withdrawn
 * ones. For each, publishes the cell's own figures first ('total' — required once it has been
 * published), then adds "don't know", the two sides (together: the gap needs both) and the
 * stakeholder types, largest first, each only if the audit still passes with it.
 */
export function planRelease(history: readonly Release[], current: Snapshot, k = MIN_PEOPLE): ReleasePlan | null {
  const previous = history.at(-1);
  const before: Snapshot = previous?.snapshot ?? new Map();
  const candidates: Snapshot[] = [current];
  const added = new Map(before);
  const changed = new Map(before);
  for (const [id, state] of current) {
    if (!before.has(id)) added.set(id, state);
    else changed.set(id, state);
  }
  for (const id of before.keys()) if (!current.has(id)) changed.delete(id);
  candidates.push(added, changed);

  for (const snapshot of candidates) {
    if (sameSnapshot(snapshot, before)) continue;
    const plan = choosePredicates(history, snapshot, previous, k);
    if (plan && (!previous || !samePublication(previous, plan))) return plan;
  }
  return null;
}

function choosePredicates(history: readonly Release[], snapshot: Snapshot, previous: Release | undefined, k: number): ReleasePlan | null {
  const chosen: Predicate[] = [];
  const totalRequired = previous?.predicates.includes('total') ?? false;
  if (peopleIn(snapshot, 'total') >= k) {
    if (!audit(history, snapshot, ['total'], k)) chosen.push('total');
    else if (totalRequired) return null;
  } else if (totalRequired) {
    return null;
  }
  const types = new Map<Predicate, number>();
  for (const state of snapshot.values()) {
    if (state.leaf.kind !== 's') continue;
    const predicate: Predicate = `type:${state.leaf.type}`;
    types.set(predicate, (types.get(predicate) ?? 0) + 1);
  }
  const optional: Predicate[][] = [
    ['dk'],
    ['side:G', 'side:C'],
    ...[...types]
      .filter(([, people]) => people >= k)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([predicate]) => [predicate]),
  ];
  for (const group of optional) {
    if (group.some((predicate) => peopleIn(snapshot, predicate) < k)) continue;
    const trial = [...chosen, ...group];
    if (!audit(history, snapshot, trial, k)) chosen.push(...group);
  }
  return chosen.length > 0 ? { snapshot, predicates: chosen } : null;
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  if (a.size !== b.size) return false;
  for (const [id, state] of a) {
    const other = b.get(id);
    if (!other || other.score !== state.score || leafKey(other.leaf) !== leafKey(state.leaf)) return false;
  }
  return true;
}

/** Would the new release show exactly what the previous one shows? Then it is not worth making. */
function samePublication(previous: Release, plan: ReleasePlan): boolean {
  const a = [...previous.predicates].sort();
  const b = [...plan.predicates].sort();
  if (a.join() !== b.join()) return false;
  return a.every((predicate) => sameFigures(previous.snapshot, plan.snapshot, predicate));
}

function sameFigures(a: Snapshot, b: Snapshot, predicate: Predicate): boolean {
  const histogram = (snapshot: Snapshot) => {
    const counts = [0, 0, 0, 0, 0, 0];
    for (const state of snapshot.values()) if (inPredicate(predicate, state.leaf)) counts[state.score ?? 5]! += 1;
    return counts.join();
  };
  return histogram(a) === histogram(b);
}

/** Counts per score 0…4 of a group in a snapshot. */
export function histogramOf(snapshot: Snapshot, predicate: Predicate): [number, number, number, number, number] {
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const state of snapshot.values()) if (inPredicate(predicate, state.leaf) && state.score !== null) counts[state.score]! += 1;
  return counts;
}
