/**
 * How the domain says yes or no. A refusal is a stable UPPER_SNAKE code the UI translates, never
 * human text and never an exception: a refusal is an expected answer, not a failure. Exceptions are
 * kept for programmer errors (a non-integer amount, a device code out of range).
 */
export type Decision<Code extends string> = { ok: true } | { ok: false; code: Code };

export type Outcome<T, Code extends string> = ({ ok: true } & T) | { ok: false; code: Code };

export const ALLOWED: { ok: true } = { ok: true };

export function refuse<Code extends string>(code: Code): { ok: false; code: Code } {
  return { ok: false, code };
}

/** The first refusal wins, so the order of the checks is the documented precedence. */
export function firstRefusal<Code extends string>(checks: ReadonlyArray<() => Code | null>): Code | null {
  for (const check of checks) {
    const code = check();
    if (code !== null) return code;
  }
  return null;
}
