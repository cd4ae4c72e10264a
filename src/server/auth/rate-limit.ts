import type { Clock } from '../timers/clock';
import type { WindowLimit } from '../config';
import type { Tx } from '../storage/repositories';

/**
 * Counts failures per key in a sliding window. Kept in memory: a restart forgives, which is fine
 * for slowing down guessing; a multi-node deployment would move the counters into the store.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: WindowLimit,
    private readonly clock: Clock,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit.limit) return 0;
    return (recent[0] ?? 0) + this.limit.windowMs - this.clock.now();
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now());
    // Only the newest `limit` failures matter for the decision; older ones can go.
    if (recent.length > this.limit.limit) recent.splice(0, recent.length - this.limit.limit);
    this.hits.set(key, recent);
    if (this.hits.size > 100_000) this.prune();
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now() - this.limit.windowMs;
    return (this.hits.get(key) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    for (const key of [...this.hits.keys()]) if (this.recent(key).length === 0) this.hits.delete(key);
  }
}

/**
 * The same sliding window, kept in the store (LimitsRepo) so that every node counts the same hits.
 * `storedRetryAfter` and `storedHit` belong in one unit: on PostgreSQL the key is locked from the
 * check to the hit, so concurrent attempts on any node are each counted before the next is judged.
 */
export async function storedRetryAfter(
  tx: Tx,
  bucket: string,
  limit: WindowLimit,
  key: string,
  now: number,
): Promise<number> {
  const recent = await tx.limits.hitsSince(bucket, key, now - limit.windowMs);
  if (recent.length < limit.limit) return 0;
  return (recent[recent.length - limit.limit] ?? now) + limit.windowMs - now;
}

export const storedHit = (tx: Tx, bucket: string, limit: WindowLimit, key: string, now: number): Promise<void> =>
  tx.limits.hit(bucket, key, now, now - limit.windowMs);
