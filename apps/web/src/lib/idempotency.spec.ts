import { ApiError } from './api-client';
import { IdempotencyKeys, SingleFlight, newIdempotencyKey, shouldRetryWrite, writeRetryDelay } from './idempotency';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idempotency keys', () => {
  it('are random UUIDs, also without crypto.randomUUID (plain http)', () => {
    expect(newIdempotencyKey()).toMatch(UUID);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(UUID);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('stay the same for the same payload until it went through, then change', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor({ body: 'Hello', stance: 'supports' });
    expect(keys.keyFor({ stance: 'supports', body: 'Hello' })).toBe(first); // a retry, properties in another order
    const edited = keys.keyFor({ body: 'Hello!', stance: 'supports' });
    expect(edited).not.toBe(first); // a different submission
    keys.settle();
    expect(keys.keyFor({ body: 'Hello!', stance: 'supports' })).not.toBe(edited); // posting it again on purpose
  });

  it('retry only what may succeed the same way: dropped connections, a busy server, a first attempt still running', () => {
    const error = (status: number, code: string) => new ApiError({ status, code, message: code });
    expect(shouldRetryWrite(0, error(0, 'NETWORK_ERROR'))).toBe(true);
    expect(shouldRetryWrite(0, error(503, 'SERVICE_UNAVAILABLE'))).toBe(true);
    expect(shouldRetryWrite(0, error(409, 'IDEMPOTENCY_IN_PROGRESS'))).toBe(true);
    expect(shouldRetryWrite(3, error(503, 'SERVICE_UNAVAILABLE'))).toBe(false);
    expect(shouldRetryWrite(0, error(409, 'CONSULTATION_CLOSED'))).toBe(false);
    expect(shouldRetryWrite(0, error(422, 'IDEMPOTENCY_KEY_REUSED'))).toBe(false);
    expect(shouldRetryWrite(0, error(500, 'INTERNAL_ERROR'))).toBe(false);
    expect(shouldRetryWrite(0, new Error('x'))).toBe(false);
    expect([0, 1, 2, 5].map((attempt) => writeRetryDelay(attempt, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(writeRetryDelay(0, () => 0)).toBe(500);
  });

  it('let one submission run at a time', async () => {
    const flight = new SingleFlight();
    let runs = 0;
    let release!: () => void;
    const first = flight.run(
      () =>
        new Promise<void>((resolve) => {
          runs += 1;
          release = resolve;
        }),
    );
    await flight.run(async () => {
      runs += 1;
    });
    expect(runs).toBe(1);
    release();
    await first;
    await flight.run(async () => {
      runs += 1;
    });
    expect(runs).toBe(2);
  });
});
