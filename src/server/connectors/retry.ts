import { setTimeout as delay } from 'node:timers/promises';
import { failed, STOPPED, type PlatformFailure, type PlatformResult } from './failure';

/**
 * One platform call, retried the way its failure asks: a throttle waits as long as the platform
 * said (or doubles from 1 s), a transient fault backs off from half a second; credentials and
 * refusals are not retried (the same call fails the same way). Waits are capped so one poll never
 * sleeps for minutes: what is still failing after the last try ends the poll, and the shop's
 * next poll is scheduled by its own backoff (poller.ts).
 */
export interface RetryPolicy {
  attempts: number;
  /** Longest single wait. */
  maxWaitMs: number;
  /** Waits ms, or less when `stop` is aborted. */
  sleep(ms: number, stop?: AbortSignal): Promise<void>;
  /** The service stopping: no further try, and a wait under way ends at once. */
  stop?: AbortSignal;
  /** Told of every failure, retried or not: a throttle survived still shows in the shop's health. */
  onFailure?(failure: PlatformFailure): void;
}

export const sleep = (ms: number, stop?: AbortSignal): Promise<void> =>
  delay(ms, undefined, { signal: stop }).catch(() => undefined);

export function waitFor(failure: PlatformFailure, attempt: number, maxWaitMs: number): number | null {
  if (failure.kind === 'throttled') return Math.min(failure.retryAfterMs ?? 1000 * 2 ** attempt, maxWaitMs);
  if (failure.kind === 'transient') return Math.min(500 * 2 ** attempt, maxWaitMs);
  return null;
}

export async function withRetry<T>(
  call: () => Promise<PlatformResult<T>>,
  policy: RetryPolicy,
): Promise<PlatformResult<T>> {
  for (let attempt = 0; ; attempt++) {
    const result = await call();
    if (result.ok) return result;
    policy.onFailure?.(result.failure);
    const wait = waitFor(result.failure, attempt, policy.maxWaitMs);
    if (wait === null || attempt + 1 >= policy.attempts || policy.stop?.aborted) return result;
    await policy.sleep(wait, policy.stop);
    if (policy.stop?.aborted) return failed(STOPPED);
  }
}
