import type { LoginLimits } from '../config';
import type { LoginAttemptCounts, Tx } from '../storage/repositories';

/** How long a turned-away check waits when only the in-flight cap stopped it. */
const IN_FLIGHT_RETRY_MS = 1000;

export type Judgement =
  { verdict: 'check'; pauseMs: number } | { verdict: 'refuse'; count: boolean; retryAfterMs: number };

/**
 * What one sign-in attempt meets, from the attempts counted before it (pure, so the policy reads in
 * one place). The account is shut once its window holds `perUsername.limit` attempts, checked or
 * not: N parallel guesses are N attempts. A few checks may run at once per account; more are
 * turned away and still count. The address is only ever slowed: a burst against one account must
 * not keep a colleague at the same office address from signing in with the right password.
 */
export function judgeAttempt(counts: LoginAttemptCounts, now: number, limits: LoginLimits): Judgement {
  const { perUsername, perIp, inFlightPerUsername, slowdown } = limits;
  const { accountTimes } = counts;
  if (accountTimes.length >= perUsername.limit) {
    const freedAt = accountTimes[accountTimes.length - perUsername.limit]! + perUsername.windowMs;
    return { verdict: 'refuse', count: false, retryAfterMs: Math.max(1, freedAt - now) };
  }
  if (counts.inFlight >= inFlightPerUsername)
    return { verdict: 'refuse', count: true, retryAfterMs: IN_FLIGHT_RETRY_MS };
  const excess = counts.address - perIp.limit + 1;
  const pauseMs = excess > 0 ? Math.min(slowdown.maxMs, slowdown.stepMs * 2 ** Math.min(excess - 1, 20)) : 0;
  return { verdict: 'check', pauseMs };
}

export type Claim = { ok: true; id: number; pauseMs: number } | { ok: false; retryAfterMs: number };

/** Counts the attempt in the store before its password is checked (one unit: count, judge, record). */
export async function claimAttempt(
  tx: Tx,
  limits: LoginLimits,
  userKey: string,
  address: string,
  now: number,
): Promise<Claim> {
  const accountSince = now - limits.perUsername.windowMs;
  const addressSince = now - limits.perIp.windowMs;
  await tx.loginAttempts.purge(Math.min(accountSince, addressSince));
  const judged = judgeAttempt(await tx.loginAttempts.counts(userKey, accountSince, address, addressSince), now, limits);
  if (judged.verdict === 'refuse') {
    if (judged.count) await tx.loginAttempts.insert(userKey, address, now, 'refused');
    return { ok: false, retryAfterMs: judged.retryAfterMs };
  }
  const id = await tx.loginAttempts.insert(userKey, address, now, 'checking');
  return { ok: true, id, pauseMs: judged.pauseMs };
}

/**
 * Slowed checks from one address run one after another, each after its pause, so parallel
 * requests cannot skip the queue; unslowed checks never wait here. Per node: the counts behind the
 * pauses are shared through the store.
 */
export class AddressQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly pause: (ms: number) => Promise<void>) {}

  async through<T>(address: string, pauseMs: number, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(address) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.tails.set(address, tail);
    try {
      await before;
      await this.pause(pauseMs);
      return await work();
    } finally {
      release();
      if (this.tails.get(address) === tail) this.tails.delete(address);
    }
  }
}

export const realPause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
