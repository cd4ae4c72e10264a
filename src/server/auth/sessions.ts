import type { Caller } from './caller';

/** Enough for every desk of a large company; beyond it the oldest sessions are simply looked up again. */
const MAX_ENTRIES = 50_000;

/**
 * Signed-in callers by token hash, so a request does not queue for the store just to learn who
 * is calling. Exact, not a guess: a token cannot change its user or be revoked before it expires
 * (there is no sign-out or user editing yet; whatever adds them must forget entries here).
 */
export class SessionCache {
  private readonly entries = new Map<string, { caller: Caller; expiresAt: number }>();

  get(tokenHash: string, now: number): Caller | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.expiresAt > now) return entry.caller;
    this.entries.delete(tokenHash);
    return null;
  }

  put(tokenHash: string, caller: Caller, expiresAt: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { caller, expiresAt });
  }
}
