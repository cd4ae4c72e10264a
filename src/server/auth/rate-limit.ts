import type { WindowLimit } from '../config';
import type { Tx } from '../storage/repositories';

/**
 * Failures per key in a sliding window, kept in the store (LimitsRepo) so that every node counts
 * the same hits.
 * `storedRetryAfter` and `storedHit` belong in one unit: on PostgreSQL the keys are locked from the
 * check to the hit, so concurrent attempts on any node are each counted before the next is judged.
 * Answers how long to wait until every key is under its limit (0: now).
 */
export async function storedRetryAfter(
  tx: Tx,
  checks: ReadonlyArray<{ bucket: string; limit: WindowLimit; key: string }>,
  now: number,
): Promise<number> {
  const hits = await tx.limits.hitsSince(
    checks.map(({ bucket, key, limit }) => ({ bucket, key, since: now - limit.windowMs })),
  );
  return Math.max(
    0,
    ...checks.map(({ limit }, i) => {
      const recent = hits[i]!;
      return recent.length < limit.limit ? 0 : (recent[recent.length - limit.limit] ?? now) + limit.windowMs - now;
    }),
  );
}

export const storedHit = (tx: Tx, bucket: string, limit: WindowLimit, key: string, now: number): Promise<void> =>
  tx.limits.hit(bucket, key, now, now - limit.windowMs);
