import type { WindowLimit } from '../config';
import type { Tx } from '../storage/repositories';

/**
 * Failures per key in a sliding window, kept in the store (LimitsRepo) so that every node counts
 * the same hits.
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
