import type { Caller } from './caller';

/** Enough for every desk of a large company; beyond it the oldest sessions are simply looked up again. */
const MAX_ENTRIES = 50_000;

/**
 * How long a session is trusted from memory before the store is asked again. A user disabled or
 * signed out by this process is forgotten at once (forgetUser); one changed from outside it (the
 * `users` command against a running service) loses its sessions within this time.
 */
export const SESSION_RECHECK_MS = 10_000;

/**
 * Signed-in callers by token hash, so a request does not queue for the store just to learn who
 * is calling.
 */
export class SessionCache {
  private readonly entries = new Map<string, { caller: Caller; validUntil: number }>();

  get(tokenHash: string, now: number): Caller | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.validUntil > now) return entry.caller;
    this.entries.delete(tokenHash);
    return null;
  }

  put(tokenHash: string, caller: Caller, expiresAt: number, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { caller, validUntil: Math.min(expiresAt, now + SESSION_RECHECK_MS) });
  }

  /** One session (its sign-out): its next request is checked against the store. */
  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  /** Every cached session of a user: the next request of each is checked against the store. */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) if (entry.caller.userId === userId) this.entries.delete(hash);
  }
}
