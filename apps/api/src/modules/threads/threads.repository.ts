import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ThreadEvent } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';

/** An event as appended to a thread's log. */
export interface ThreadEventInsert {
  consultationId: string;
  recommendationCode: string;
  type: ThreadEvent['type'];
  commentId: string | null;
  countryIso3: string | null;
}

/** An event of a thread's log as a replay reads it. */
export interface ThreadEventRow {
  seq: number;
  type: ThreadEvent['type'];
  commentId: string | null;
  countryIso3: string | null;
}

/** The SQL of the per-thread event log; appends run in the writer's transaction and take its `EntityManager`. */
@Injectable()
export class ThreadsRepository extends SqlRepository {
  /**
   * In one round trip, takes the thread's next seq (the thread_sequence row lock orders its
   * writers) and logs the event; returns the seq.
   */
  async append(manager: EntityManager, event: ThreadEventInsert): Promise<number> {
    const [{ seq }]: Array<{ seq: string }> = await manager.query(
      `WITH next AS (
         INSERT INTO thread_sequence (consultation_id, recommendation_code, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (consultation_id, recommendation_code) DO UPDATE SET last_seq = thread_sequence.last_seq + 1
         RETURNING last_seq
       )
       INSERT INTO thread_event (consultation_id, recommendation_code, seq, type, comment_id, country_iso3)
       SELECT $1, $2, next.last_seq, $3, $4, $5 FROM next
       RETURNING seq`,
      [event.consultationId, event.recommendationCode, event.type, event.commentId, event.countryIso3],
    );
    return Number(seq);
  }

  /** Up to `limit` events of a thread after seq `after`, in order. */
  async since(consultationId: string, recommendationCode: string, after: number, limit: number): Promise<ThreadEventRow[]> {
    const rows: Array<{ seq: string; type: ThreadEvent['type']; commentId: string | null; countryIso3: string | null }> =
      await this.dataSource.query(
        `SELECT seq, type, comment_id AS "commentId", country_iso3 AS "countryIso3" FROM thread_event
       WHERE consultation_id = $1 AND recommendation_code = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [consultationId, recommendationCode, after, limit],
      );
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }
}
