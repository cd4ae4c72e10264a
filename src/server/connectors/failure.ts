/**
 * How a call to a platform went wrong, as the connector acts on it:
 *   throttled    the platform's rate-limit error: wait (as long as it says, when it says) and retry;
 *   transient    the platform or the network failed (HTTP 5xx, a timeout, a refused connection,
 *                a truncated answer, a server-side error code): back off and retry;
 *   credentials  the shop's app key, secret or session is wrong or expired: an admin must act;
 *                polling goes on slowly so a fixed shop recovers by itself;
 *   refused      the platform refused this very request (bad arguments, a business rule): the
 *                same request will be refused again.
 */
export type FailureKind = 'throttled' | 'transient' | 'credentials' | 'refused';

export interface PlatformFailure {
  kind: FailureKind;
  /** Stable and short: TOP_25, TOP_15:isv.trade-not-exist, PDD_70031, HTTP_500, TIMEOUT, NETWORK, BAD_RESPONSE, STOPPED. */
  code: string;
  message: string;
  /** How long the platform asked us to wait, when it said. */
  retryAfterMs?: number;
}

export type PlatformResult<T> = { ok: true; value: T } | { ok: false; failure: PlatformFailure };

export const failed = (failure: PlatformFailure): { ok: false; failure: PlatformFailure } => ({ ok: false, failure });

/** A call the service's own stop cut short: not the platform's fault, retried by the next poll. */
export const STOPPED: PlatformFailure = { kind: 'transient', code: 'STOPPED', message: 'the service is stopping' };

/**
 * Posts a form and reads JSON text, mapping every transport failure to a PlatformFailure. `stop`
 * (the service stopping) ends a call in flight at once, as a STOPPED failure. One controller a
 * call, its timer and listener removed when the call ends: not AbortSignal.any over the service's
 * long-lived signal, which keeps every call's signal alive on it, and on Node 20 may let the
 * timeout's signal be collected before it fires (nodejs/node#57736).
 */
export async function postForm(
  url: string,
  form: Readonly<Record<string, string>>,
  timeoutMs: number,
  stop?: AbortSignal,
): Promise<PlatformResult<string>> {
  const call = new AbortController();
  const timer = setTimeout(() => call.abort(), timeoutMs);
  const onStop = () => call.abort();
  stop?.addEventListener('abort', onStop);
  if (stop?.aborted) call.abort();
  try {
    const posted = await exchange(url, form, timeoutMs, call.signal);
    return stop?.aborted && !posted.ok ? failed(STOPPED) : posted;
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
  }
}

async function exchange(
  url: string,
  form: Readonly<Record<string, string>>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PlatformResult<string>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(form).toString(),
      signal,
    });
  } catch (error) {
    const timedOut = signal.aborted;
    return failed({
      kind: 'transient',
      code: timedOut ? 'TIMEOUT' : 'NETWORK',
      message: timedOut ? `no answer within ${timeoutMs} ms` : describe(error),
    });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return failed({ kind: 'transient', code: 'NETWORK', message: describe(error) });
  }
  if (response.status >= 500) {
    return failed({
      kind: 'transient',
      code: `HTTP_${response.status}`,
      message: `the gateway answered ${response.status}`,
    });
  }
  if (response.status !== 200) {
    return failed({
      kind: 'refused',
      code: `HTTP_${response.status}`,
      message: `the gateway answered ${response.status}: ${text.slice(0, 200)}`,
    });
  }
  return { ok: true, value: text };
}

/**
 * Integer literals longer than a double holds exactly (TOP's 19-digit tid, oid, refund_id) become
 * strings before parsing, so no order number is ever silently rounded. Strings are skipped as a
 * tokenizer would: only number tokens outside them are touched.
 */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64))!;
      const token = m[0];
      out += /^-?\d{16,}$/.test(token) ? `"${token}"` : token;
      i += Math.max(token.length, 1);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** JSON object text, or a BAD_RESPONSE failure (a truncated or non-JSON answer). */
export function parseObject(text: string): PlatformResult<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(quoteLongIntegers(text));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> };
    }
  } catch {
    // reported below
  }
  return failed({ kind: 'transient', code: 'BAD_RESPONSE', message: `not a JSON object: ${text.slice(0, 80)}` });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
