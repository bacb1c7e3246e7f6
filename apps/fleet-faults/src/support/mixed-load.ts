import { randomUUID } from 'node:crypto';
import { call } from './fault-fleet.js';

export type LoadKind = 'read-thread' | 'read-catalogue' | 'comment' | 'rating';

export interface LoadRecord {
  kind: LoadKind;
  worker: number;
  /** performance.now() when the request was sent, and how long it took. */
  start: number;
  ms: number;
  status: number;
  code?: string;
  error?: string;
  /** comment: the created comment's id (2xx) and the Idempotency-Key sent. */
  id?: string;
  key?: string;
  /** rating: the country and the score sent. */
  country?: string;
  score?: number;
}

export interface MixedLoadOptions {
  base: string | (() => string);
  consultationId: string;
  recommendationCode: string;
  /** One token per worker (round-robin): each worker writes as its person. */
  tokens: string[];
  workers: number;
  /** Per worker, the country it rates (one each, so the last acknowledged score is known). */
  countries: string[];
  /** Pause between a worker's requests. */
  thinkMs?: number;
  /** Retry writes that got no 2xx with the same Idempotency-Key, as a client would. */
  retryWrites?: boolean;
  /** The client address each worker connects from (see clientAddress); unset, the system's choice (127.0.0.1). */
  localAddress?: (worker: number) => string;
}

/**
 * Workers that each loop: read a thread page (50%), read the catalogue (15%), post a comment with
 * an Idempotency-Key (25%), put a rating (10%). Every answer is recorded; nothing throws.
 */
export function startMixedLoad(options: MixedLoadOptions): { records: LoadRecord[]; stop(): Promise<LoadRecord[]> } {
  const records: LoadRecord[] = [];
  let running = true;
  const base = typeof options.base === 'function' ? options.base : () => options.base as string;
  const thread = `/api/v1/consultations/${options.consultationId}/recommendations/${options.recommendationCode}`;

  async function worker(index: number): Promise<void> {
    const token = options.tokens[index % options.tokens.length] as string;
    const country = options.countries[index % options.countries.length] as string;
    const localAddress = options.localAddress?.(index);
    let n = 0;
    while (running) {
      n += 1;
      const roll = Math.random();
      const start = performance.now();
      if (roll < 0.5) {
        const result = await call(base(), 'GET', `${thread}/comments?limit=50`, { token, timeoutMs: 20_000, localAddress });
        records.push({
          kind: 'read-thread',
          worker: index,
          start,
          ms: result.ms,
          status: result.status,
          code: result.body?.code as string,
          error: result.error,
        });
      } else if (roll < 0.65) {
        const result = await call(base(), 'GET', '/api/v1/recommendations', { timeoutMs: 20_000, localAddress });
        records.push({
          kind: 'read-catalogue',
          worker: index,
          start,
          ms: result.ms,
          status: result.status,
          code: result.body?.code as string,
          error: result.error,
        });
      } else if (roll < 0.9) {
        const key = randomUUID();
        const body = { body: `Load comment ${index}-${n} t=${performance.timeOrigin + performance.now()}` };
        for (let attempt = 0; attempt < (options.retryWrites ? 20 : 1); attempt++) {
          const sent = performance.now();
          const result = await call(base(), 'POST', `${thread}/comments`, {
            token,
            body,
            headers: { 'idempotency-key': key },
            timeoutMs: 20_000,
            localAddress,
          });
          records.push({
            kind: 'comment',
            worker: index,
            start: sent,
            ms: result.ms,
            status: result.status,
            code: result.body?.code as string,
            error: result.error,
            id: result.body?.id as string | undefined,
            key,
          });
          if ((result.status >= 200 && result.status < 300) || !running) break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      } else {
        const score = Math.floor(Math.random() * 5);
        const result = await call(base(), 'PUT', `${thread}/ratings/${country}`, {
          token,
          body: { score },
          timeoutMs: 20_000,
          localAddress,
        });
        records.push({
          kind: 'rating',
          worker: index,
          start,
          ms: result.ms,
          status: result.status,
          code: result.body?.code as string,
          error: result.error,
          country,
          score,
        });
      }
      if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
    }
  }

  const done = Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i)));
  return {
    records,
    async stop() {
      running = false;
      await done;
      return records;
    },
  };
}

export const ok = (record: { status: number }) => record.status >= 200 && record.status < 300;
