import type { ThreadEvent, ThreadEvents } from './consultations.js';

// The timers every JavaScript host has; this library takes no DOM or Node types.
declare const setTimeout: (task: () => void, delayMs: number) => unknown;
declare const clearTimeout: (handle: unknown) => void;

export interface ThreadSyncOptions {
  /** GET …/events?after=<seq>: what happened after `after`, in seq order. */
  fetchEvents: (after: number) => Promise<ThreadEvents>;
  /** Apply one event to what the page shows. Must be idempotent: an event may come again. */
  apply: (event: ThreadEvent) => void;
  /** Runs a failed catch-up again later; replaceable in tests. */
  schedule?: (task: () => void, delayMs: number) => () => void;
  random?: () => number;
}

const RETRY_CEILING_MS = 30_000;

function bySeq(a: ThreadEvent, b: ThreadEvent): number {
  return a.seq - b.seq;
}

function defaultSchedule(task: () => void, delayMs: number): () => void {
  const timer = setTimeout(task, delayMs);
  return () => clearTimeout(timer);
}

/**
 * Keeps a thread's live events gap-free. Every event carries the thread's next `seq`; the last one
 * applied is remembered. An event that skips a number (one was lost), or a rejoin after a dropped
 * connection that reports a later seq, makes it fetch what was missed (GET …/events?after=) and
 * apply it in order before anything newer. Events that arrive meanwhile wait, and are applied
 * after the catch-up unless it already covered them; an event seen twice is applied once.
 */
export class ThreadSync {
  readonly #options: ThreadSyncOptions;
  #lastSeq: number | null = null;
  /** Received before the first join answered, or while catching up (or waiting to retry). */
  #pending: ThreadEvent[] = [];
  #catchingUp: Promise<void> | null = null;
  #retryScheduled = false;
  #cancelRetry: (() => void) | null = null;
  #failures = 0;
  #stopped = false;

  constructor(options: ThreadSyncOptions) {
    this.#options = options;
  }

  /** The seq of the last event applied; null before the first join. */
  get lastSeq(): number | null {
    return this.#lastSeq;
  }

  /** The server acknowledged `thread:join` with the thread's latest seq. */
  joined(lastSeq: number): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#lastSeq === null) {
      // First join: the page's data was loaded just now. Events that came with the join are the
      // newest there are; apply them (idempotently) and carry on from the join's seq.
      this.#lastSeq = lastSeq;
      const early = this.#pending.sort(bySeq);
      this.#pending = [];
      for (const event of early) {
        if (event.seq <= lastSeq) this.#options.apply(event);
        else this.receive(event);
      }
      return this.#catchingUp ?? Promise.resolve();
    }
    // A rejoin after the connection dropped: fetch whatever happened meanwhile.
    if (lastSeq > this.#lastSeq) return this.catchUp();
    return this.#catchingUp ?? Promise.resolve();
  }

  /** A live event from the socket. */
  receive(event: ThreadEvent): void {
    if (this.#stopped) return;
    if (this.#lastSeq === null || this.#catchingUp || this.#retryScheduled) {
      this.#pending.push(event);
      return;
    }
    if (event.seq <= this.#lastSeq) return; // already applied (delivered twice, or covered by a catch-up)
    if (event.seq > this.#lastSeq + 1) {
      // A gap: something was lost on the way. Fetch it, then apply this one after it.
      this.#pending.push(event);
      void this.catchUp();
      return;
    }
    this.#lastSeq = event.seq;
    this.#options.apply(event);
  }

  /** Fetch and apply everything after the last applied seq (one catch-up at a time). */
  catchUp(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#cancelRetry?.();
    this.#cancelRetry = null;
    this.#retryScheduled = false;
    this.#catchingUp ??= this.#fetchMissed().then(
      () => {
        this.#catchingUp = null;
        this.#failures = 0;
        this.#drain();
      },
      () => {
        this.#catchingUp = null;
        this.#scheduleRetry();
      },
    );
    return this.#catchingUp;
  }

  stop(): void {
    this.#stopped = true;
    this.#cancelRetry?.();
    this.#cancelRetry = null;
    this.#pending = [];
  }

  async #fetchMissed(): Promise<void> {
    let after = this.#lastSeq ?? 0;
    for (;;) {
      const { items, lastSeq } = await this.#options.fetchEvents(after);
      if (this.#stopped) return;
      const before = after;
      for (const event of [...items].sort(bySeq)) {
        if (event.seq <= after) continue;
        this.#options.apply(event);
        after = event.seq;
        this.#lastSeq = after;
      }
      // More than one answer holds (or events that no longer show anything were left out): go on
      // from the last one applied until the thread's latest seq is reached.
      if (after >= lastSeq || after === before) {
        this.#lastSeq = Math.max(after, lastSeq);
        return;
      }
    }
  }

  /** Apply what arrived during the catch-up, in order; a new gap starts another catch-up. */
  #drain(): void {
    const waiting = this.#pending.sort(bySeq);
    this.#pending = [];
    for (const event of waiting) this.receive(event);
  }

  #scheduleRetry(): void {
    if (this.#stopped) return;
    this.#failures += 1;
    const ceiling = Math.min(RETRY_CEILING_MS, 1_000 * 2 ** (this.#failures - 1));
    const delay = ceiling / 2 + ((this.#options.random ?? Math.random)() * ceiling) / 2;
    this.#retryScheduled = true;
    this.#cancelRetry = (this.#options.schedule ?? defaultSchedule)(() => {
      this.#cancelRetry = null;
      void this.catchUp();
    }, delay);
  }
}
