import type { Caller } from './caller';

/** Enough for every desk of a large company; beyond it the oldest sessions are simply looked up again. */
const MAX_ENTRIES = 50_000;
/**
 * How long a node trusts what it read: a session revoked through another node of the service is
 * refused here at most this much later (this node's own sign-outs and revocations are at once).
 */
export const SESSION_CACHE_MS = 30_000;

/**
 * Signed-in callers by token hash, so a request does not queue for the store just to learn who
 * is calling. Sign-out and revocation forget entries here; each entry is read again from the
 * store after SESSION_CACHE_MS.
 */
export class SessionCache {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  get(tokenHash: string, now: number): Caller | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until > now) return entry.caller;
    this.entries.delete(tokenHash);
    return null;
  }

  put(tokenHash: string, caller: Caller, expiresAt: number, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { caller, until: Math.min(expiresAt, now + SESSION_CACHE_MS) });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) if (entry.caller.userId === userId) this.entries.delete(hash);
  }
}
