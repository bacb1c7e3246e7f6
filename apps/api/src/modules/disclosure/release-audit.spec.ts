import type { StakeholderTypeCode } from '@compact-voices/contracts';
import {
  EMPTY_HISTORY,
  audit,
  histogramOf,
  inPredicate,
  isAdditive,
  planRelease,
  sideOf,
  snapshotAt,
  withRelease,
  type ContributorState,
  type History,
  type Predicate,
  type Snapshot,
} from './release-audit.js';
import { seededRandom } from './statistics.js';

const scored = (score: number, type: StakeholderTypeCode = 'individual', side: 'G' | 'C' | 'O' = 'C'): ContributorState => ({
  leaf: { kind: 's', type, side },
  score,
});
const dontKnow = (type: StakeholderTypeCode = 'individual', side: 'G' | 'C' | 'O' = 'C'): ContributorState => ({
  leaf: { kind: 'd', type, side },
  score: null,
});

interface Published {
  no: number;
  predicates: readonly Predicate[];
  snapshot: Snapshot;
}

/** A small cell simulator: apply rating events, release when the rules allow, keep the history. */
class Cell {
  state: History = EMPTY_HISTORY;
  readonly current = new Map<string, ContributorState>();

  get history(): Published[] {
    return this.state.releases.map((release) => ({ ...release, snapshot: snapshotAt(this.state, release.no) }));
  }

  set(id: string, state: ContributorState | null): Published | null {
    if (state) this.current.set(id, state);
    else this.current.delete(id);
    const plan = planRelease(this.state, new Map(this.current));
    if (!plan) return null;
    this.state = withRelease(this.state, this.state.releases.length + 1, plan);
    return this.history.at(-1)!;
  }
}

describe('sideOf', () => {
  it('counts only the rated country’s own verified government bodies as the government side', () => {
    expect(sideOf('government', true, 'PHL', 'PHL')).toBe('G');
    expect(sideOf('local-authority', true, 'PHL', 'PHL')).toBe('G');
    expect(sideOf('government', true, 'MYS', 'PHL')).toBe('O');
    expect(sideOf('government', false, 'PHL', 'PHL')).toBe('O');
    expect(sideOf('migrant-organisation', false, null, 'PHL')).toBe('C');
    expect(sideOf('individual', false, null, 'PHL')).toBe('C');
    expect(sideOf('academia', true, 'PHL', 'PHL')).toBe('O');
  });

  it('counts migrants, returnees and migrants’ families speaking for themselves on the civil-society side', () => {
    for (const type of ['migrant', 'returnee', 'migrant-family'] as const) expect(sideOf(type, false, null, 'PHL')).toBe('C');
  });
});

describe('predicates', () => {
  it('put "don’t know" apart from every score group and keep the sides median-only', () => {
    expect(inPredicate('total', dontKnow().leaf)).toBe(false);
    expect(inPredicate('dk', dontKnow().leaf)).toBe(true);
    expect(inPredicate('type:individual', dontKnow().leaf)).toBe(false);
    expect(inPredicate('type:individual', scored(2).leaf)).toBe(true);
    expect(inPredicate('side:C', scored(2).leaf)).toBe(true);
    expect(isAdditive('side:G')).toBe(false);
    expect(isAdditive('type:government')).toBe(false);
    expect(isAdditive('total')).toBe(true);
  });
});

describe('planRelease', () => {
  it('publishes a cell only once five people gave a score, and "don’t know" never pads it', () => {
    const cell = new Cell();
    for (let i = 0; i < 4; i++) expect(cell.set(`dk${i}`, dontKnow())).toBeNull();
    expect(cell.set('real', scored(3))).toBeNull();
    for (let i = 0; i < 3; i++) expect(cell.set(`s${i}`, scored(i))).toBeNull();
    const release = cell.set('s3', scored(4));
    expect(release?.predicates).toContain('total');
    expect(histogramOf(release!.snapshot, 'total')).toEqual([1, 1, 1, 1, 1]);
    // Four "don't know": not enough to be shown on their own.
    expect(release?.predicates).not.toContain('dk');
  });

  it('moves only in batches of five: a sixth rating waits until four more arrive', () => {
    const cell = new Cell();
    for (let i = 0; i < 5; i++) cell.set(`a${i}`, scored(2));
    expect(cell.history).toHaveLength(1);
    expect(cell.set('victim', scored(0))).toBeNull();
    for (let i = 0; i < 3; i++) expect(cell.set(`b${i}`, scored(4))).toBeNull();
    const release = cell.set('b3', scored(4));
    expect(release?.no).toBe(2);
    expect(histogramOf(release!.snapshot, 'total')).toEqual([1, 0, 5, 0, 4]);
  });

  it('holds a changed rating back until five changes can go together, releasing new raters meanwhile', () => {
    const cell = new Cell();
    for (let i = 0; i < 5; i++) cell.set(`a${i}`, scored(2));
    expect(cell.set('a0', scored(3))).toBeNull();
    for (let i = 0; i < 4; i++) expect(cell.set(`n${i}`, scored(1))).toBeNull();
    const release = cell.set('n4', scored(1));
    // The five new raters are out; a0 still reads 2 in public.
    expect(histogramOf(release!.snapshot, 'total')).toEqual([0, 5, 5, 0, 0]);
    expect(release!.snapshot.get('a0')?.score).toBe(2);
    for (let i = 1; i < 4; i++) expect(cell.set(`a${i}`, scored(0))).toBeNull();
    const changed = cell.set('a4', scored(0));
    expect(histogramOf(changed!.snapshot, 'total')).toEqual([4, 5, 0, 1, 0]);
  });

  it('never publishes a type whose complement in the cell is one person (5 civil society + 1 government)', () => {
    const cell = new Cell();
    for (let i = 0; i < 5; i++) cell.set(`c${i}`, scored(1, 'civil-society', 'C'));
    const release = cell.set('g', scored(4, 'government', 'G'));
    // The sixth rating is a change of one: nothing new is published yet.
    expect(release).toBeNull();
    expect(cell.history[0]!.predicates).toEqual(['total', 'type:civil-society']);
    for (let i = 5; i < 9; i++) cell.set(`c${i}`, scored(1, 'civil-society', 'C'));
    const latest = cell.history.at(-1)!;
    expect(latest.snapshot.has('g')).toBe(true);
    expect(latest.predicates).toContain('total');
    expect(latest.predicates).not.toContain('type:civil-society');
  });

  it('publishes the gap only with five of the country’s own government and five of civil society', () => {
    const cell = new Cell();
    for (let i = 0; i < 5; i++) cell.set(`c${i}`, scored(1, 'migrant-organisation', 'C'));
    for (let i = 0; i < 5; i++) cell.set(`o${i}`, scored(4, 'government', 'O'));
    expect(cell.history.at(-1)!.predicates).not.toContain('side:G');
    for (let i = 0; i < 5; i++) cell.set(`g${i}`, scored(3, 'government', 'G'));
    expect(cell.history.at(-1)!.predicates).toEqual(expect.arrayContaining(['total', 'side:G', 'side:C']));
  });

  it('keeps a type figure from moving by one person between releases', () => {
    const cell = new Cell();
    for (let i = 0; i < 5; i++) cell.set(`c${i}`, scored(1, 'civil-society', 'C'));
    for (let i = 0; i < 5; i++) cell.set(`i${i}`, scored(3, 'individual', 'C'));
    expect(cell.history.at(-1)!.predicates).toEqual(expect.arrayContaining(['type:civil-society', 'type:individual']));
    for (let i = 5; i < 9; i++) cell.set(`c${i}`, scored(2, 'civil-society', 'C'));
    cell.set('i5', scored(0, 'individual', 'C'));
    const latest = cell.history.at(-1)!;
    expect(latest.snapshot.size).toBe(15);
    expect(latest.predicates).not.toContain('type:individual');
    expect(latest.predicates).not.toContain('type:civil-society');
  });
});

describe('audit', () => {
  it('refuses a group under five, an atom under five, and a one-person change', () => {
    const five: Snapshot = new Map(Array.from({ length: 5 }, (_, i) => [`p${i}`, scored(i)] as const));
    expect(audit(EMPTY_HISTORY, five, ['total'])).toBeNull();
    expect(audit(EMPTY_HISTORY, new Map([...five].slice(0, 4)), ['total'])?.rule).toBe('size');
    const mixed: Snapshot = new Map([...five, ['g', scored(0, 'government', 'O')]]);
    expect(audit(EMPTY_HISTORY, mixed, ['total', 'type:individual'])?.rule).toBe('atom');
    const first = withRelease(EMPTY_HISTORY, 1, { snapshot: five, predicates: ['total'] });
    expect(audit(first, new Map([...five, ['x', scored(3)]]), ['total'])?.rule).toBe('change');
  });
});

/**
 * An attacker who sees every release of a cell as published: the histogram of each published
 * additive group at each release. Over many random rating sequences, no combination with
 * coefficients −1, 0, +1 of those histograms — as sums over rating versions — may pick out
 * between 1 and 4 versions: that is how a difference "recovers one person's score".
 */
describe('no combination of published groups isolates fewer than five ratings (randomised)', () => {
  const TYPES: Array<[StakeholderTypeCode, 'G' | 'C' | 'O']> = [
    ['civil-society', 'C'],
    ['individual', 'C'],
    ['government', 'G'],
    ['government', 'O'],
    ['academia', 'O'],
  ];

  it.each(Array.from({ length: 150 }, (_, i) => i + 1))('scenario %i', (seed) => {
    const rand = seededRandom(seed);
    const cell = new Cell();
    const people = Array.from({ length: 14 }, (_, i) => `p${i}`);
    const typeOf = new Map(people.map((id) => [id, TYPES[Math.floor(rand() * (seed % 3 === 0 ? 2 : TYPES.length))]!]));
    for (let step = 0; step < 30 + (seed % 4) * 15; step++) {
      const id = people[Math.floor(rand() * people.length)]!;
      const [type, side] = typeOf.get(id)!;
      const roll = rand();
      cell.set(id, roll < 0.08 ? null : roll < 0.2 ? dontKnow(type, side) : scored(Math.floor(rand() * 5), type, side));
    }
    // Rating versions: (person, state) as published; each published group at each release is the set of its versions.
    const versionIds = new Map<string, number>();
    const vectors: Array<Set<number>> = [];
    for (const release of cell.history) {
      for (const predicate of release.predicates.filter(isAdditive)) {
        const members = new Set<number>();
        for (const [id, state] of release.snapshot) {
          if (!inPredicate(predicate, state.leaf)) continue;
          const key = `${id}/${state.leaf.kind}/${state.score}`;
          if (!versionIds.has(key)) versionIds.set(key, versionIds.size);
          members.add(versionIds.get(key)!);
        }
        if (!vectors.some((vector) => vector.size === members.size && [...vector].every((v) => members.has(v)))) vectors.push(members);
      }
    }
    const used = vectors.slice(-9);
    const coefficients = new Array<number>(used.length).fill(0);
    const total = 3 ** used.length;
    for (let combination = 1; combination < total; combination++) {
      let rest = combination;
      for (let i = 0; i < used.length; i++) {
        coefficients[i] = (rest % 3) - 1;
        rest = Math.floor(rest / 3);
      }
      const sum = new Map<number, number>();
      coefficients.forEach((c, i) => {
        if (c === 0) return;
        for (const v of used[i]!) sum.set(v, (sum.get(v) ?? 0) + c);
      });
      const positive = [...sum.values()].filter((value) => value > 0).length;
      const negative = [...sum.values()].filter((value) => value < 0).length;
      const support = Math.min(positive || Infinity, negative || Infinity);
      if (support !== Infinity && support < 5)
        throw new Error(
          `seed ${seed}: coefficients ${coefficients.join(',')} isolate ${support} rating version(s)\n${cell.history.map((r) => `r${r.no} ${r.predicates.join(',')}: ${[...r.snapshot].map(([id, st]) => `${id}=${st.leaf.kind}${st.score ?? ''}/${st.leaf.type.slice(0, 4)}/${st.leaf.side}`).join(' ')}`).join('\n')}\nvectors: ${used.map((v) => [...v].map((x) => [...versionIds].find(([, n]) => n === x)![0]).join(' ')).join(' | ')}`,
        );
    }
  });
});
