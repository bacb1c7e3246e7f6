import { Injectable } from '@nestjs/common';
import { SqlRepository } from '../../core/database/sql-repository.js';

/** A key already claimed, as a retry finds it. */
export interface IdempotencyRecord {
  requestHash: string;
  /** Null while the first request is still running. */
  responseStatus: number | null;
  responseBody: unknown;
  /** Past its lifetime: the key is forgotten, purged or not. */
  expired: boolean;
  /** Claimed by a request that crashed or whose database session has gone. */
  abandoned: boolean;
}

/** The SQL of `Idempotency-Key` claims and the responses stored for them, one row per person and key. */
@Injectable()
export class IdempotencyRepository extends SqlRepository {
  /**
   * Claims the key for a request, with the database session that claims it (whose end abandons
   * the claim); false when the key is taken.
   */
  async claim(userId: string, key: string, operation: string, requestHash: string): Promise<boolean> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (user_id, key, operation, request_hash, claimed_by_pid, claimed_by_start)
         VALUES ($1, $2, $3, $4, pg_backend_pid(), (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()))
         ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, operation, requestHash],
    );
    return claimed.length > 0;
  }

  /** The key's record; undefined when there is none. */
  async find(userId: string, key: string, abandonedAfterSeconds: number, ttlDays: number): Promise<IdempotencyRecord | undefined> {
    const [existing]: IdempotencyRecord[] = await this.dataSource.query(
      `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody",
                created_at < now() - make_interval(days => $4) AS expired,
                (created_at < now() - make_interval(secs => $3)
                 OR (claimed_by_pid IS NOT NULL AND NOT EXISTS (
                       SELECT 1 FROM pg_stat_activity a WHERE a.pid = k.claimed_by_pid AND a.backend_start = k.claimed_by_start))) AS abandoned
         FROM idempotency_key k WHERE user_id = $1 AND key = $2`,
      [userId, key, abandonedAfterSeconds, ttlDays],
    );
    return existing;
  }

  /** Forgets the key if it is older than `ttlDays`. */
  async deleteExpired(userId: string, key: string, ttlDays: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(days => $3)`,
      [userId, key, ttlDays],
    );
  }

  /** Releases a claim that has no response: the key may be used again. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND response_status IS NULL`, [userId, key]);
  }

  /** Stores the response for the key, unless the handler already recorded one in its own transaction. */
  async recordResponse(userId: string, key: string, status: number, body: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2 AND response_status IS NULL`,
      [userId, key, status, body],
    );
  }
}
