import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { currentRequestId } from '../../core/logging/request-context.js';
import type { EntityManager } from 'typeorm';
import type { ThreadEvent } from '@compact-voices/contracts';
import { ThreadsRepository, type ThreadEventRow } from './threads.repository.js';

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

export type LoggedThreadEvent = ThreadEventRow;

/**
 * The per-thread event log: a dense `seq` handed out inside the writer's transaction (the
 * thread_sequence row lock orders writers of one thread), and the list a reconnecting client
 * replays. Services call `append` in their transaction and `announce` after it commits.
 */
@Injectable()
export class ThreadLogService {
  constructor(
    private readonly repository: ThreadsRepository,
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
    const seq = await this.repository.append(manager, {
      consultationId: event.consultationId,
      recommendationCode: event.recommendationCode,
      type: event.type,
      commentId: event.commentId ?? null,
      countryIso3: event.countryIso3 ?? null,
    });
    return {
      consultationId: event.consultationId,
      recommendationCode: event.recommendationCode,
      seq,
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

  since(consultationId: string, recommendationCode: string, after: number, limit: number): Promise<LoggedThreadEvent[]> {
    return this.repository.since(consultationId, recommendationCode, after, limit);
  }
}
