import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditChainHead, AuditEntry as AuditLogEntry } from '@compact-voices/contracts';
import { isoTimestamp } from '../database/sql.js';
import type { AuditBody, ChainTail, StoredAuditEntry } from './audit-chain.js';

const AUDIT_LOCK_KEY = 7_240_251_130;

type Query = Pick<EntityManager, 'query'>;

const ENTRY_COLUMNS = `id::text, ${isoTimestamp('at')} AS at, actor_id AS "actorId", action, target_type AS "targetType",
  target_id AS "targetId", details, prev_hash AS "prevHash", hash, position::text AS position, mac`;

interface EntryRow extends Omit<StoredAuditEntry, 'position'> {
  position: string | null;
}

function toEntry(row: EntryRow): StoredAuditEntry {
  return { ...row, position: row.position === null ? null : Number(row.position) };
}

/** The audit log's SQL: the serialised append, the chain in order for verification, the daily heads. */
@Injectable()
export class AuditRepository {
  /** One writer at a time, until the caller's transaction ends, so each entry chains to the one before it. */
  async lock(manager: Query): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  }

  /**
   * The chain's end (the highest position, or the newest plain entry while there is none) and
   * whether `day` has its head yet. Call under the lock.
   */
  async tail(manager: Query, day: string): Promise<{ tail: ChainTail | null; dayHasHead: boolean }> {
    const [row]: Array<{ hash: string | null; position: string | null; mac: string | null; dayHasHead: boolean }> = await manager.query(
      `SELECT COALESCE(k.hash, (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1)) AS hash, k.position::text AS position, k.mac,
              EXISTS (SELECT 1 FROM audit_head WHERE day = $1::date) AS "dayHasHead"
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT hash, position, mac FROM audit_event WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1) AS k ON true`,
      [day],
    );
    const tail = row?.hash ? { hash: row.hash, position: row.position === null ? null : Number(row.position), mac: row.mac } : null;
    return { tail, dayHasHead: row?.dayHasHead ?? false };
  }

  async append(manager: Query, body: AuditBody, link: { prevHash: string; hash: string; position: number; mac: string }): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (at, actor_id, action, target_type, target_id, details, prev_hash, hash, position, mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        body.at,
        body.actorId,
        body.action,
        body.targetType,
        body.targetId,
        JSON.stringify(body.details),
        link.prevHash,
        link.hash,
        link.position,
        link.mac,
      ],
    );
  }

  async appendHead(manager: Query, head: AuditChainHead): Promise<void> {
    await manager.query(`INSERT INTO audit_head (day, position, mac) VALUES ($1, $2, $3)`, [head.day, head.position, head.mac]);
  }

  /** Whether the keyed chain has begun, and the plain entries before it (how many, the last hash). */
  async plainHistory(manager: Query): Promise<{ keyed: boolean; plainEntries: number; plainHead: string | null }> {
    const [row]: Array<{ keyed: boolean; plainEntries: number; plainHead: string | null }> = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM audit_event WHERE position IS NOT NULL) AS keyed,
              (SELECT count(*)::int FROM audit_event WHERE position IS NULL) AS "plainEntries",
              (SELECT hash FROM audit_event WHERE position IS NULL ORDER BY id DESC LIMIT 1) AS "plainHead"`,
    );
    return row ?? { keyed: false, plainEntries: 0, plainHead: null };
  }

  async totals(manager: Query): Promise<{ entries: number; keyedEntries: number; firstKeyedId: bigint | null }> {
    const [row]: Array<{ entries: number; keyedEntries: number; firstKeyedId: string | null }> = await manager.query(
      `SELECT count(*)::int AS entries, count(position)::int AS "keyedEntries", min(id) FILTER (WHERE position IS NOT NULL)::text AS "firstKeyedId" FROM audit_event`,
    );
    return {
      entries: row?.entries ?? 0,
      keyedEntries: row?.keyedEntries ?? 0,
      firstKeyedId: row?.firstKeyedId ? BigInt(row.firstKeyedId) : null,
    };
  }

  /**
   * Every entry in chain order, a page at a time: plain entries by id, then keyed ones by position.
   * Every row is visited, so no entry can sit outside both orders unseen.
   */
  async *inChainOrder(manager: Query, pageSize: number): AsyncGenerator<StoredAuditEntry[]> {
    let afterId = '0';
    for (;;) {
      const rows: EntryRow[] = await manager.query(
        `SELECT ${ENTRY_COLUMNS} FROM audit_event WHERE position IS NULL AND id > $1::bigint ORDER BY audit_event.id LIMIT $2`,
        [afterId, pageSize],
      );
      if (rows.length > 0) yield rows.map(toEntry);
      if (rows.length < pageSize) break;
      afterId = rows.at(-1)!.id;
    }
    let afterPosition = 0;
    for (;;) {
      const rows: EntryRow[] = await manager.query(
        `SELECT ${ENTRY_COLUMNS} FROM audit_event WHERE position > $1 ORDER BY audit_event.position LIMIT $2`,
        [afterPosition, pageSize],
      );
      if (rows.length > 0) yield rows.map(toEntry);
      if (rows.length < pageSize) break;
      afterPosition = Number(rows.at(-1)!.position);
    }
  }

  /** Recorded daily heads, newest first; all of them without a limit. */
  async heads(manager: Query, limit?: number): Promise<AuditChainHead[]> {
    const rows: Array<{ day: string; position: string; mac: string }> = await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, position::text AS position, mac FROM audit_head ORDER BY day DESC LIMIT $1`,
      [limit ?? null],
    );
    return rows.map((row) => ({ day: row.day, position: Number(row.position), mac: row.mac }));
  }

  /** Newest first, keyset by id; the actor by display name. */
  async page(manager: Query, before: string | undefined, limit: number): Promise<AuditLogEntry[]> {
    return manager.query(
      `SELECT e.id::text, ${isoTimestamp('e.at')} AS at, e.action, e.target_type AS "targetType", e.target_id AS "targetId",
              u.display_name AS actor, e.details
       FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
       WHERE $1::bigint IS NULL OR e.id < $1::bigint
       ORDER BY e.id DESC LIMIT $2`,
      [before ?? null, limit],
    );
  }
}
