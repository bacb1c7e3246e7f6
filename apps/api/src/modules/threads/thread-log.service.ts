import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { currentRequestId } from '../../core/logging/request-context.js';
import type { DataSource, EntityManager } from 'typeorm';
import type { ThreadEvent } from '@compact-voices/contracts';

export type ThreadEventType = ThreadEvent['type'];

/** What services announce after a commit; the realtime module turns it into socket events. */
export interface ThreadDomainEvent {
  consultationId: string;
  recommendationCode: string;
  seq: number;
  type: ThreadEventType;
  commentId: string | null;
  countryIso3: string | null;
  /** The public payload when the writer already has it (saves the realtime module a query): that of `type`. */
  payload?: ThreadEvent['payload'];
  /** The request that caused it, for the logs of its delivery (never sent to clients). */
  requestId?: string;
}

export const THREAD_EVENT = 'thread.event';

export interface LoggedThreadEvent {
  seq: number;
  type: ThreadEventType;
  commentId: string | null;
  countryIso3: string | null;
}

/**
 * The per-thread event log: a dense `seq` handed out inside the writer's transaction (the
 * thread_sequence row lock orders writers of one thread), and the list a reconnecting client
 * replays. Services call `append` in their transaction and `announce` after it commits.
 */
@Injectable()
export class ThreadLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emitter: EventEmitter2,
  ) {}

  async append(
    manager: EntityManager,
    event: {
      consultationId: string;
      recommendationCode: string;
      type: ThreadEventType;
      commentId?: string | null;
      countryIso3?: string | null;
    },
  ): Promise<ThreadDomainEvent> {
    // One round trip: take the next seq (the row lock orders this thread's writers) and log the event.
    const [{ seq }]: Array<{ seq: string }> = await manager.query(
      `WITH next AS (
         INSERT INTO thread_sequence (consultation_id, recommendation_code, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (consultation_id, recommendation_code) DO UPDATE SET last_seq = thread_sequence.last_seq + 1
         RETURNING last_seq
       )
       INSERT INTO thread_event (consultation_id, recommendation_code, seq, type, comment_id, country_iso3)
       SELECT $1, $2, next.last_seq, $3, $4, $5 FROM next
       RETURNING seq`,
      [event.consultationId, event.recommendationCode, event.type, event.commentId ?? null, event.countryIso3 ?? null],
    );
    return {
      consultationId: event.consultationId,
      recommendationCode: event.recommendationCode,
      seq: Number(seq),
      type: event.type,
      commentId: event.commentId ?? null,
      countryIso3: event.countryIso3 ?? null,
    };
  }

  /** Call after the transaction committed, so no listener ever sees a write that rolled back. */
  announce(events: ThreadDomainEvent[]): void {
    const requestId = currentRequestId();
    for (const event of events) this.emitter.emit(THREAD_EVENT, { ...event, requestId: event.requestId ?? requestId });
  }

  async since(consultationId: string, recommendationCode: string, after: number, limit: number): Promise<LoggedThreadEvent[]> {
    const rows: Array<{ seq: string; type: ThreadEventType; commentId: string | null; countryIso3: string | null }> =
      await this.dataSource.query(
        `SELECT seq, type, comment_id AS "commentId", country_iso3 AS "countryIso3" FROM thread_event
       WHERE consultation_id = $1 AND recommendation_code = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [consultationId, recommendationCode, after, limit],
      );
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }
}
