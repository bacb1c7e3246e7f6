import { AggregateCache } from './aggregate-cache.js';

describe('AggregateCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000;
  });

  it('computes once for concurrent requests and reuses the answer until it is older than the TTL', async () => {
    const cache = new AggregateCache<number>(100, 10, now);
    let calls = 0;
    const compute = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return calls;
    };
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1, 1]);
    clock += 99;
    expect(await cache.get('a', compute)).toBe(1);
    clock += 1;
    expect(await cache.get('a', compute)).toBe(2);
    expect(calls).toBe(2);
  });

  it('asks beforeMiss only when the database would be asked, and its refusal is the answer', async () => {
    const cache = new AggregateCache<string>(100, 10, now);
    let misses = 0;
    const beforeMiss = async () => {
      misses++;
    };
    await cache.get('a', async () => 'x', beforeMiss);
    await cache.get('a', async () => 'y', beforeMiss);
    expect(misses).toBe(1);
    await expect(
      cache.get(
        'b',
        async () => 'z',
        async () => Promise.reject(new Error('limited')),
      ),
    ).rejects.toThrow('limited');
    expect(await cache.get('b', async () => 'w')).toBe('w');
  });

  it('does not store an answer computed before a clear, nor keep a failure', async () => {
    const cache = new AggregateCache<string>(1_000, 10, now);
    let release!: () => void;
    const slow = cache.get('a', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    cache.clear();
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('a', async () => 'new')).toBe('new');
    await expect(cache.get('b', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('b', async () => 'back')).toBe('back');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new AggregateCache<string>(1_000, 2, now);
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    const compute = async () => 'again';
    expect(await cache.get('c', compute)).toBe('c');
    expect(await cache.get('a', compute)).toBe('again');
  });
});
