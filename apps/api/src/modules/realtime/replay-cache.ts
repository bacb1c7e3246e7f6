import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { ThreadEvents } from '@compact-voices/contracts';
import { IDENTITY_CHANGED } from '../../core/auth/identity-events.js';
import { AggregateCache } from '../../core/cache/aggregate-cache.js';

/** Bounds staleness across instances for changes that do not move a thread's seq (a renamed author). */
const TTL_MS = 5_000;
const MAX_ENTRIES = 500;

/**
 * Replay pages, keyed by the thread's latest seq as well as the page asked for: any new event in the
 * thread makes a new key, so a page is reused only while nothing in the thread moved. A burst of
 * clients reconnecting after a network blip (all asking from the same seq) renders the page once.
 * A change to how someone is shown (protected mode!) clears everything on this instance.
 */
@Injectable()
export class ReplayCache {
  private readonly cache = new AggregateCache<ThreadEvents>(TTL_MS, MAX_ENTRIES);

  /** `beforeMiss` runs only when the page must be rendered (a budget on misses: its refusal is the answer). */
  page(
    key: { consultationId: string; recommendationCode: string; after: number; limit: number; threadSeq: number },
    render: () => Promise<ThreadEvents>,
    beforeMiss?: () => Promise<void>,
  ): Promise<ThreadEvents> {
    return this.cache.get(`${key.consultationId}/${key.recommendationCode}/${key.threadSeq}/${key.after}/${key.limit}`, render, beforeMiss);
  }

  @OnEvent(IDENTITY_CHANGED)
  clear(): void {
    this.cache.clear();
  }
}
