import {
  AuditChainVerifier,
  chainMac,
  describeBreak,
  GENESIS,
  nextLink,
  type AuditBody,
  type ChainTail,
  type StoredAuditEntry,
} from './audit-chain.js';

const key = Buffer.alloc(32, 7);

/** A log as the service writes it: `plain` entries without a key, then keyed ones. */
function log(plain: number, keyed: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let tail: ChainTail | null = null;
  for (let i = 0; i < plain + keyed; i++) {
    const body: AuditBody = {
      at: `2027-01-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
      actorId: null,
      action: `a${i}`,
      targetType: 't',
      targetId: null,
      details: { i },
    };
    const link = nextLink(key, tail, body);
    const entry: StoredAuditEntry =
      i < plain
        ? { ...body, id: String(i + 1), prevHash: link.prevHash, hash: link.hash, position: null, mac: null }
        : { ...body, id: String(i + 1), ...link };
    entries.push(entry);
    tail = { hash: entry.hash, position: entry.position, mac: entry.mac };
  }
  return entries;
}

function verify(entries: StoredAuditEntry[], heads: Array<{ day: string; position: number; mac: string }> = []) {
  const firstKeyed = entries.find((entry) => entry.position !== null);
  const verifier = new AuditChainVerifier(key, heads, firstKeyed ? BigInt(firstKeyed.id) : null);
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.result(entries.length, entries.filter((entry) => entry.position !== null).length);
}

describe('the audit chain', () => {
  it('starts the keyed chain at position 1, chained through its hash to the last plain entry', () => {
    const entries = log(2, 2);
    expect(entries.map((entry) => entry.position)).toEqual([null, null, 1, 2]);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(entries[2]!.mac).toBe(chainMac(key, 1, GENESIS, entries[2]!.hash));
    expect(verify(entries)).toEqual({
      ok: true,
      entries: 4,
      firstBrokenId: null,
      keyedEntries: 2,
      heads: 0,
      problem: null,
      firstBrokenPosition: null,
    });
  });

  it('reports a missing position at the entry after the gap', () => {
    const entries = log(0, 4);
    const result = verify([entries[0]!, entries[2]!, entries[3]!]);
    expect(result).toMatchObject({ ok: false, firstBrokenId: '3', problem: 'missing', firstBrokenPosition: 2 });
    expect(describeBreak(result)).toBe('a position is missing: the entry there was removed (position 2)');
  });

  it('checks heads: position and MAC, and the day of the entry at that position', () => {
    const entries = log(0, 3);
    const head = { day: entries[1]!.at.slice(0, 10), position: 2, mac: entries[1]!.mac! };
    expect(verify(entries, [head])).toMatchObject({ ok: true, heads: 1 });
    expect(verify(entries, [{ ...head, day: '2027-02-01' }])).toMatchObject({ ok: false, firstBrokenId: '2', problem: 'head-mismatch' });
    expect(verify(entries.slice(0, 1), [head])).toMatchObject({
      ok: false,
      firstBrokenId: null,
      problem: 'truncated',
      firstBrokenPosition: 2,
    });
  });

  it('takes a MAC made with another key for a forgery', () => {
    const entries = log(1, 2);
    const other = nextLink(Buffer.alloc(32, 8), { hash: entries[1]!.prevHash, position: null, mac: null }, entries[1]!);
    expect(verify([entries[0]!, { ...entries[1]!, mac: other.mac }, entries[2]!])).toMatchObject({
      ok: false,
      firstBrokenId: '2',
      problem: 'forged',
      firstBrokenPosition: 1,
    });
  });
});
