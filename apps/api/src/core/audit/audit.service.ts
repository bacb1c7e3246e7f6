import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry as AuditLogEntry, AuditVerification } from '@compact-voices/contracts';
import { canonicalJson } from '../content/canonical-json.js';
import { isoTimestamp } from '../database/sql.js';

const AUDIT_LOCK_KEY = 7_240_251_130;
const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

interface StoredEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

function chainHash(prevHash: string, entry: Omit<StoredEntry, 'id' | 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

/** Writes privileged actions to the hash-chained audit log, inside the caller's transaction. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    // One writer at a time, so each entry chains to the one before it.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const [last]: Array<{ hash: string }> = await manager.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    const prevHash = last?.hash ?? GENESIS;
    const body = {
      at: new Date().toISOString(),
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
    };
    await manager.query(
      `INSERT INTO audit_event (at, actor_id, action, target_type, target_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [body.at, body.actorId, body.action, body.targetType, body.targetId, JSON.stringify(body.details), prevHash, chainHash(prevHash, body)],
    );
  }

  /** Newest first, keyset by id; the actor by display name. */
  async list(before: string | undefined, limit: number): Promise<{ items: AuditLogEntry[]; nextCursor: string | null }> {
    const rows: AuditLogEntry[] = await this.dataSource.query(
      `SELECT e.id::text, ${isoTimestamp('e.at')} AS at, e.action, e.target_type AS "targetType", e.target_id AS "targetId",
              u.display_name AS actor, e.details
       FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
       WHERE $1::bigint IS NULL OR e.id < $1::bigint
       ORDER BY e.id DESC LIMIT $2`,
      [before ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }

  /**
   * Recomputes the chain; the first entry whose hash or link does not match is reported. (Ordered by
   * the bigint column, not the text alias: "10" sorts before "2" as text, which once broke entry 10.)
   */
  async verify(): Promise<AuditVerification> {
    const rows: StoredEntry[] = await this.dataSource.query(
      `SELECT id::text, ${isoTimestamp('at')} AS at, actor_id AS "actorId", action,
              target_type AS "targetType", target_id AS "targetId", details, prev_hash AS "prevHash", hash
       FROM audit_event ORDER BY audit_event.id`,
    );
    let prevHash = GENESIS;
    for (const row of rows) {
      const { id, prevHash: storedPrev, hash, ...body } = row;
      if (storedPrev !== prevHash || chainHash(prevHash, body) !== hash) {
        return { ok: false, entries: rows.length, firstBrokenId: id };
      }
      prevHash = hash;
    }
    return { ok: true, entries: rows.length, firstBrokenId: null };
  }
}
