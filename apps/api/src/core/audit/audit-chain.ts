import { createHash, createHmac } from 'node:crypto';
import type { AuditChainHead, AuditChainProblem, AuditVerification } from '@compact-voices/contracts';
import { canonicalJson } from '../content/canonical-json.js';

/**
 * The audit log's two chains, as pure functions (the service and repository only move rows).
 *
 * Plain chain, every entry since the first: `hash = SHA-256(prev_hash ‖ canonical body)`. Anyone can
 * recompute it, so it shows accidents and careless edits but not a rewrite by someone who recomputes it.
 *
 * Keyed chain, every entry since migration 1795770000000: `mac = HMAC-SHA-256(key, {position,
 * prevMac, hash})` with a key derived from APP_SECRET, which the database never holds. Its positions
 * run 1, 2, 3, … without gaps, so a removed entry is a missing position (gaps in the bigint id are
 * rolled-back transactions and mean nothing). Position 1 covers, through its hash, the last plain
 * entry and so the whole plain history before it; at the first start after the upgrade the app writes
 * that entry at once (`audit.chain_keyed`), so older entries are covered without waiting for the next
 * privileged action. Rewriting any entry, or removing one and renumbering, needs the key.
 *
 * Daily heads (position and MAC of the first entry of each UTC day) are published; an entry at a
 * head's position must still carry that MAC, and the chain must reach every head's position.
 */
export const GENESIS = '0'.repeat(64);

/** What an entry's plain hash covers. */
export interface AuditBody {
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditBody {
  id: string;
  prevHash: string;
  hash: string;
  position: number | null;
  mac: string | null;
}

export function plainHash(prevHash: string, body: AuditBody): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}

export function chainMac(key: Buffer, position: number, prevMac: string, hash: string): string {
  return createHmac('sha256', key).update(canonicalJson({ position, prevMac, hash })).digest('hex');
}

/** The chain's end as the next entry needs it: null on an empty log. */
export interface ChainTail {
  hash: string;
  /** Null while only plain entries exist: the next entry is position 1. */
  position: number | null;
  mac: string | null;
}

/** The fields of the next entry, chained to `tail`. */
export function nextLink(
  key: Buffer,
  tail: ChainTail | null,
  body: AuditBody,
): { prevHash: string; hash: string; position: number; mac: string } {
  const prevHash = tail?.hash ?? GENESIS;
  const hash = plainHash(prevHash, body);
  const position = (tail?.position ?? 0) + 1;
  return { prevHash, hash, position, mac: chainMac(key, position, tail?.mac ?? GENESIS, hash) };
}

interface Break {
  id: string | null;
  position: number | null;
  problem: AuditChainProblem;
}

/**
 * Checks entries fed in chain order — plain entries by id, then keyed entries by position — and
 * stops at the first break. `firstKeyedId` (the lowest id of a keyed entry) lets it tell a plain
 * entry slipped in after the keyed chain began, which no app writes.
 */
export class AuditChainVerifier {
  private prevHash = GENESIS;
  private prevMac = GENESIS;
  private expectedPosition = 1;
  private nextHead = 0;
  private broken: Break | null = null;
  private readonly heads: AuditChainHead[];

  constructor(
    private readonly key: Buffer,
    heads: AuditChainHead[],
    private readonly firstKeyedId: bigint | null,
  ) {
    this.heads = [...heads].sort((a, b) => a.position - b.position);
  }

  /** False once the chain is broken: later entries cannot be judged against a broken link. */
  push(entry: StoredAuditEntry): boolean {
    if (this.broken) return false;
    const problem = entry.position === null ? this.checkPlain(entry) : this.checkKeyed(entry, entry.position);
    if (problem) {
      this.broken = { id: entry.id, position: problem === 'missing' ? this.expectedPosition : entry.position, problem };
      return false;
    }
    this.prevHash = entry.hash;
    return true;
  }

  result(entries: number, keyedEntries: number): AuditVerification {
    // The chain may not end before a recorded head: entries were removed from its end.
    const unreached = this.broken ? undefined : this.heads[this.nextHead];
    const broken = this.broken ?? (unreached ? { id: null, position: this.expectedPosition, problem: 'truncated' as const } : null);
    return {
      ok: broken === null,
      entries,
      firstBrokenId: broken?.id ?? null,
      keyedEntries,
      heads: this.heads.length,
      problem: broken?.problem ?? null,
      firstBrokenPosition: broken?.position ?? null,
    };
  }

  private checkPlain(entry: StoredAuditEntry): AuditChainProblem | null {
    if (this.firstKeyedId !== null && BigInt(entry.id) > this.firstKeyedId) return 'forged';
    if (plainHash(entry.prevHash, bodyOf(entry)) !== entry.hash) return 'edited';
    if (entry.prevHash !== this.prevHash) return 'unlinked';
    return null;
  }

  private checkKeyed(entry: StoredAuditEntry, position: number): AuditChainProblem | null {
    if (position > this.expectedPosition) return 'missing';
    if (position < this.expectedPosition) return 'unlinked';
    if (plainHash(entry.prevHash, bodyOf(entry)) !== entry.hash) return 'edited';
    if (entry.prevHash !== this.prevHash) return 'unlinked';
    const mac = chainMac(this.key, position, this.prevMac, entry.hash);
    if (entry.mac !== mac) return 'forged';
    const head = this.heads[this.nextHead];
    if (head && head.position === position) {
      if (head.mac !== mac || head.day !== entry.at.slice(0, 10)) return 'head-mismatch';
      this.nextHead++;
    } else if (head && head.position < position) {
      // Two heads for one position, or one below position 1: not something the app records.
      return 'head-mismatch';
    }
    this.prevMac = mac;
    this.expectedPosition++;
    return null;
  }
}

function bodyOf(entry: StoredAuditEntry): AuditBody {
  return {
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
  };
}

const PROBLEMS: Record<AuditChainProblem, string> = {
  edited: 'the entry no longer matches its own hash: it was edited',
  unlinked: 'the entry does not follow the one before it: an entry before it was removed or rewritten',
  missing: 'a position is missing: the entry there was removed',
  forged:
    'the keyed hash does not match: the entry was written or rewritten without the key (or APP_SECRET is not the one it was written with)',
  'head-mismatch': 'a published daily head does not match the entry at its position: the log was rewritten after that day',
  truncated: 'the chain ends before a published daily head: entries were removed from its end',
};

/** One line for people: what the break means. */
export function describeBreak(result: AuditVerification): string {
  if (!result.problem) return '';
  const where = result.firstBrokenPosition === null ? '' : ` (position ${result.firstBrokenPosition})`;
  return `${PROBLEMS[result.problem]}${where}`;
}
