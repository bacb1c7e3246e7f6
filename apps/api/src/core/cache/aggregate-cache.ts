/**
 * A small cache for public aggregates (dashboard, coverage, rating summaries): an answer is reused
 * for `ttlMs`, and concurrent requests for the same key while it is being computed share one
 * computation — so a burst of anonymous readers costs the database one query, not one each.
 * `clear()` drops everything, including computations in flight (their answers are not stored), when
 * what the figures are made of changes (a rating release). Bounded: the oldest entry goes first.
 */
export class AggregateCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The cached answer, the one being computed, or a new computation. `beforeMiss` runs only when
   * the database will be asked (a rate limit on misses: its rejection is the caller's answer).
   */
  async get(key: string, compute: () => Promise<V>, beforeMiss?: () => Promise<void>): Promise<V> {
    const shared = this.shared(key);
    if (shared) return shared;
    if (beforeMiss) {
      await beforeMiss();
      const meanwhile = this.shared(key);
      if (meanwhile) return meanwhile;
    }
    const generation = this.generation;
    const computing = compute()
      .then((value) => {
        if (generation === this.generation && this.ttlMs > 0) {
          if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(key, { at: this.now(), value });
        }
        return value;
      })
      .finally(() => {
        if (this.inFlight.get(key) === computing) this.inFlight.delete(key);
      });
    this.inFlight.set(key, computing);
    return computing;
  }

  /** Drops one key (and, to be safe, stops every computation in flight from being stored). */
  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
    this.inFlight.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
  }

  private shared(key: string): Promise<V> | undefined {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return Promise.resolve(hit.value);
    if (hit) this.entries.delete(key);
    return this.inFlight.get(key);
  }
}
