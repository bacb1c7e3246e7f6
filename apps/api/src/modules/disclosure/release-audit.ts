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
import { INDIVIDUAL_STAKEHOLDER_TYPES, type StakeholderTypeCode } from '@compact-voices/contracts';

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

/** A published release: its number (1, 2, …) and the groups it published. */
export interface ReleaseRecord {
  no: number;
  predicates: readonly Predicate[];
}

/** One rating as published, unchanged from release `from` until (not including) release `to`. */
export interface Version {
  contributor: string;
  state: ContributorState;
  from: number;
  to: number | null;
}

/** A cell's releases and the rating versions they published — what released_rating holds. */
export interface History {
  releases: readonly ReleaseRecord[];
  versions: readonly Version[];
}

export const EMPTY_HISTORY: History = { releases: [], versions: [] };

/** What release `no` published (the latest release: the versions still open). */
export function snapshotAt(history: History, no: number): Snapshot {
  const snapshot = new Map<string, ContributorState>();
  for (const version of history.versions)
    if (version.from <= no && (version.to === null || version.to > no)) snapshot.set(version.contributor, version.state);
  return snapshot;
}

/** The history once `plan` is published as release `no`: changed versions closed, new ones opened. */
export function withRelease(history: History, no: number, plan: ReleasePlan): History {
  const versions: Version[] = [];
  const open = new Map<string, ContributorState>();
  for (const version of history.versions) {
    if (version.to !== null) {
      versions.push(version);
      continue;
    }
    const next = plan.snapshot.get(version.contributor);
    if (next && sameState(next, version.state)) {
      versions.push(version);
      open.set(version.contributor, version.state);
    } else {
      versions.push({ ...version, to: no });
    }
  }
  for (const [contributor, state] of plan.snapshot) if (!open.has(contributor)) versions.push({ contributor, state, from: no, to: null });
  return { releases: [...history.releases, { no, predicates: plan.predicates }], versions };
}

const sameState = (a: ContributorState, b: ContributorState) => a.score === b.score && leafKey(a.leaf) === leafKey(b.leaf);

export const GOVERNMENT_TYPES: readonly StakeholderTypeCode[] = ['government', 'local-authority'];
/** Migrant organisations, NGOs, trade unions and people in their own name (migrants, returnees, their families, other individuals). */
export const CIVIL_SOCIETY_TYPES: readonly StakeholderTypeCode[] = [
  'migrant-organisation',
  'civil-society',
  'trade-union',
  ...INDIVIDUAL_STAKEHOLDER_TYPES,
];

/**
 * The side a rating counts for in its cell's perception gap: the government side is only a
 * government or local-authority body that the secretariat verified AND that belongs to the rated
 * country — a Malaysian ministry rating the Philippines is not the Philippines' government.
 */
export function sideOf(
  type: StakeholderTypeCode,
  organisationVerified: boolean,
  organisationCountry: string | null,
  ratedCountry: string,
): Side {
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
export function audit(
  history: History,
  snapshot: Snapshot,
  predicates: readonly Predicate[],
  k = MIN_PEOPLE,
  /** Rule 3 of a group depends on the group and the snapshot only: a plan checks each group once. */
  changeChecks = new Map<Predicate, string | null>(),
): AuditFailure | null {
  for (const predicate of predicates) {
    const people = peopleIn(snapshot, predicate);
    if (people < k) return { rule: 'size', detail: `${predicate} has ${people}` };
  }
  const atoms = new Map<string, number>();
  for (const state of snapshot.values()) {
    const vector = predicates.filter((predicate) => inPredicate(predicate, state.leaf)).join(',');
    if (vector) atoms.set(vector, (atoms.get(vector) ?? 0) + 1);
  }
  for (const [vector, people] of atoms)
    if (people > 0 && people < k) return { rule: 'atom', detail: `raters in exactly [${vector}]: ${people}` };
  for (const predicate of predicates) {
    let failure = changeChecks.get(predicate);
    if (failure === undefined) {
      failure = versionGraphFailure(history, snapshot, predicate, k);
      changeChecks.set(predicate, failure);
    }
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
export function versionGraphFailure(history: History, snapshot: Snapshot, predicate: Predicate, k: number): string | null {
  // The publications of this group: its earlier releases, then the candidate (index m − 1).
  const index = new Map<number, number>();
  for (const release of history.releases) if (release.predicates.includes(predicate)) index.set(release.no, index.size);
  const candidate = index.size;
  const published = [...index.keys()];
  const nodes = candidate + 2;
  /** The first publication (index) of the group numbered at least `no`. */
  const lowerBound = (no: number) => {
    let low = 0;
    let high = published.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (published[middle]! < no) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  /** Publications (indices) a version covers: those of the group within [from, to) — a contiguous run. */
  const covered = (from: number, to: number | null): [number, number] | null => {
    const first = lowerBound(from);
    const last = (to === null ? published.length : lowerBound(to)) - 1;
    return first <= last ? [first, last] : null;
  };
  // Each coordinate (rater, score) and the publications it is present at, as runs.
  const presence = new Map<string, Array<[number, number]>>();
  const addRange = (contributor: string, state: ContributorState, range: [number, number]) => {
    if (!inPredicate(predicate, state.leaf)) return;
    const key = `${contributor}\u0000${state.score}`;
    const runs = presence.get(key) ?? [];
    const last = runs.at(-1);
    // Versions that differ only in what this group does not show (a new type, the same score) are one run.
    if (last && last[1] + 1 >= range[0]) last[1] = Math.max(last[1], range[1]);
    else runs.push([range[0], range[1]]);
    presence.set(key, runs);
  };
  const open = new Map<string, ContributorState>();
  for (const version of [...history.versions].sort((a, b) => a.from - b.from)) {
    const range = covered(version.from, version.to);
    const held = version.to === null && snapshot.has(version.contributor) && sameState(snapshot.get(version.contributor)!, version.state);
    if (version.to === null) open.set(version.contributor, version.state);
    if (held) addRange(version.contributor, version.state, [range ? range[0] : candidate, candidate]);
    else if (range) addRange(version.contributor, version.state, range);
  }
  for (const [contributor, state] of snapshot) {
    const before = open.get(contributor);
    if (!before || !sameState(before, state)) addRange(contributor, state, [candidate, candidate]);
  }
  const graph = new FlowGraph(nodes);
  const edges = new Set<number>();
  for (const runs of presence.values()) {
    for (const [first, last] of runs) {
      edges.add(first * nodes + last + 1);
      graph.add(first, last + 1, runs.length === 1 ? 1 : 0);
    }
  }
  for (const edge of edges) {
    const from = Math.floor(edge / nodes);
    const to = edge % nodes;
    // Most edges are a batch of at least k versions made and still held together: enough on their own.
    if (graph.units(from, to) >= k) continue;
    const flow = graph.maximumFlow(from, to, k);
    if (flow < k) return `${flow} disjoint path(s) from publication boundary ${from} to ${to}`;
  }
  return null;
}

/** A directed graph with integer capacities, kept sparse: a few edges per boundary. */
export class FlowGraph {
  readonly neighbours: number[][];
  private readonly capacity = new Map<number, number>();

  constructor(readonly size: number) {
    this.neighbours = Array.from({ length: size }, () => []);
  }

  add(from: number, to: number, units: number): void {
    const key = from * this.size + to;
    if (!this.capacity.has(key)) {
      this.neighbours[from]!.push(to);
      this.neighbours[to]!.push(from);
    }
    this.capacity.set(key, (this.capacity.get(key) ?? 0) + units);
  }

  units(from: number, to: number): number {
    return this.capacity.get(from * this.size + to) ?? 0;
  }

  /** Edmonds–Karp from `source` to `sink`, stopping once `enough` units flow. */
  maximumFlow(source: number, sink: number, enough: number): number {
    const residual = new Map(this.capacity);
    const left = (from: number, to: number) => residual.get(from * this.size + to) ?? 0;
    let flow = 0;
    while (flow < enough) {
      const previous = new Array<number>(this.size).fill(-1);
      previous[source] = source;
      const queue = [source];
      for (let head = 0; head < queue.length && previous[sink] === -1; head++) {
        const node = queue[head]!;
        for (const next of this.neighbours[node]!) {
          if (previous[next] === -1 && left(node, next) > 0) {
            previous[next] = node;
            queue.push(next);
          }
        }
      }
      if (previous[sink] === -1) break;
      let bottleneck = Number.POSITIVE_INFINITY;
      for (let node = sink; node !== source; node = previous[node]!) bottleneck = Math.min(bottleneck, left(previous[node]!, node));
      for (let node = sink; node !== source; node = previous[node]!) {
        residual.set(previous[node]! * this.size + node, left(previous[node]!, node) - bottleneck);
        residual.set(node * this.size + previous[node]!, left(node, previous[node]!) + bottleneck);
      }
      flow += bottleneck;
    }
    return flow;
  }
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
export function planRelease(history: History, current: Snapshot, k = MIN_PEOPLE): ReleasePlan | null {
  const previous = history.releases.at(-1);
  const before = snapshotAt(history, previous?.no ?? 0);
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
    if (plan && (!previous || !samePublication(previous, before, plan))) return plan;
  }
  return null;
}

function choosePredicates(history: History, snapshot: Snapshot, previous: ReleaseRecord | undefined, k: number): ReleasePlan | null {
  const chosen: Predicate[] = [];
  const changeChecks = new Map<Predicate, string | null>();
  const totalRequired = previous?.predicates.includes('total') ?? false;
  if (peopleIn(snapshot, 'total') >= k) {
    if (!audit(history, snapshot, ['total'], k, changeChecks)) chosen.push('total');
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
    if (!audit(history, snapshot, trial, k, changeChecks)) chosen.push(...group);
  }
  return chosen.length > 0 ? { snapshot, predicates: chosen } : null;
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  if (a.size !== b.size) return false;
  for (const [id, state] of a) {
    const other = b.get(id);
    if (!other || !sameState(other, state)) return false;
  }
  return true;
}

/** Would the new release show exactly what the previous one shows? Then it is not worth making. */
function samePublication(previous: ReleaseRecord, before: Snapshot, plan: ReleasePlan): boolean {
  const a = [...previous.predicates].sort();
  const b = [...plan.predicates].sort();
  if (a.join() !== b.join()) return false;
  return a.every((predicate) => sameFigures(before, plan.snapshot, predicate));
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
