import type { Clock } from '../timers/clock';
import type { WindowLimit } from '../config';

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
