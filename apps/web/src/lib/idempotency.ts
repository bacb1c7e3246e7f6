import { ErrorCode } from '@compact-voices/contracts';
import { isApiError } from './api-client';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * A random UUID (v4) for an Idempotency-Key. `crypto.randomUUID` exists only on https (and
 * localhost); `getRandomValues` everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Same payload, same text: key order does not matter. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * One key per submit attempt. Sending the same payload again before it went through (a timeout, a
 * dropped connection, a second tap, "Try again") reuses the key, so the API replays the first answer
 * instead of writing twice. Once it went through (`settle`), or when the payload changed, the next
 * submit is a new attempt with a new key.
 */
export class IdempotencyKeys {
  #pending: { fingerprint: string; key: string } | null = null;

  keyFor(payload: unknown): string {
    const print = fingerprint(payload);
    if (this.#pending?.fingerprint !== print) this.#pending = { fingerprint: print, key: newIdempotencyKey() };
    return this.#pending.key;
  }

  /** The write went through: whatever is sent next is a new submission. */
  settle(): void {
    this.#pending = null;
  }
}

const MAX_WRITE_RETRIES = 3;

/**
 * Automatic retries of a write that is safe to repeat (an idempotent PUT/PATCH/DELETE, or a POST
 * with its Idempotency-Key): when the network dropped, the server was briefly unavailable, or the
 * first attempt with the same key is still being processed. Never for an answer that would repeat.
 */
export function shouldRetryWrite(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_WRITE_RETRIES || !isApiError(error)) return false;
  if (error.code === ErrorCode.IDEMPOTENCY_IN_PROGRESS) return true;
  return error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504;
}

/** 1 s, 2 s, 4 s… (at most 8 s), each between half and the whole of it, so phones that lost the same connection do not retry in step. */
export function writeRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(8_000, 1_000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * One submission at a time: while `run`'s task is on its way, further calls (a double tap that
 * arrives before the button re-renders as busy) resolve at once without running theirs.
 */
export class SingleFlight {
  #busy = false;

  async run(task: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      await task();
    } finally {
      this.#busy = false;
    }
  }
}
