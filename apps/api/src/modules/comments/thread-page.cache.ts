import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { CommentPage } from '@compact-voices/contracts';
import { IDENTITY_CHANGED } from '../../core/auth/identity-events.js';
import { PreparedJson } from '../../core/http/prepared-json.js';

const MAX_ENTRIES = 1_000;
/** Bounds staleness across instances for changes that do not move a thread's seq (a renamed author). */
const TTL_MS = 5_000;

/**
 * Anonymous thread pages, kept while the thread's seq has not moved: every published change to a
 * thread bumps its seq, so a page is reused only while it is exactly what the database would say.
 * Signed-in viewers are never served from here (their pages carry their own reactions and pending
 * comments). A change to how someone is shown (protected mode!) clears everything on this instance.
 */
@Injectable()
export class ThreadPageCache {
  private readonly entries = new Map<string, { lastSeq: number; at: number; page: PreparedJson }>();

  /** The page, serialised (and compressed) once, sent many times. */
  get(key: string, lastSeq: number): PreparedJson | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.lastSeq !== lastSeq || Date.now() - entry.at > TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.page;
  }

  set(key: string, lastSeq: number, page: CommentPage): PreparedJson {
    const prepared = new PreparedJson(JSON.stringify(page));
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { lastSeq, at: Date.now(), page: prepared });
    return prepared;
  }

  @OnEvent(IDENTITY_CHANGED)
  clear(): void {
    this.entries.clear();
  }
}
