import { z } from 'zod';
import { directory, type Directory } from '../../shared/contract/directory';
import { reportAnswer, type ReportAnswer, type ReportQuery } from '../../shared/contract/reports';
import {
  deviceRegistration,
  loginResponse,
  redemptionList,
  serviceError,
  type LoginResponse,
  type RedemptionList,
} from '../../shared/contract/service';
import { pushResponse, type Intent, type PullResponse, type PushResponse } from '../../shared/contract/sync';
import { pullPage } from './pull-check';

/**
 * Every way a call to the order service can fail, as data. OFFLINE and TIMEOUT and BAD_RESPONSE
 * are the network's fault and worth retrying; REJECTED carries the service's own stable code.
 */
export type ServiceFailure =
  | { kind: 'OFFLINE'; message: string }
  | { kind: 'TIMEOUT'; message: string }
  | { kind: 'BAD_RESPONSE'; status: number; message: string }
  | { kind: 'SERVER_ERROR'; status: number; message: string }
  | { kind: 'REJECTED'; status: number; code: string; message: string; body: unknown };

/** What an answer is checked with: a zod schema, or one with the same safeParse (sync/pull-check.ts). */
type Schema<T> = { safeParse(json: unknown): { success: true; data: T } | { success: false } };

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; failure: ServiceFailure };

export interface ServiceClientOptions {
  baseUrl: string;
  token?: () => string | null;
  /**
   * This desk, named on every call (X-Device-Id, X-Device-Time): the service judges the claimed
   * time of an offline redemption by the desk's last sync and the clock it showed then.
   */
  device?: { id: string; now: () => number };
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export class ServiceClient {
  constructor(private readonly options: ServiceClientOptions) {}

  /** Where and as whom this client calls, for another thread to make the same calls (a first sync's downloader). */
  connection(): {
    baseUrl: string;
    token: string | null;
    timeoutMs: number;
    deviceId: string | null;
    deviceTime: number | null;
  } {
    const { baseUrl, token, timeoutMs = DEFAULT_TIMEOUT_MS, device } = this.options;
    return {
      baseUrl,
      token: token?.() ?? null,
      timeoutMs,
      deviceId: device?.id ?? null,
      deviceTime: device ? Math.round(device.now()) : null,
    };
  }

  login(username: string, password: string): Promise<ServiceResult<LoginResponse>> {
    return this.call('POST', '/v1/auth/login', loginResponse, { username, password });
  }

  /** Ends this token's session at the service (sign-out). */
  logout(): Promise<ServiceResult<Record<string, never>>> {
    return this.call('POST', '/v1/auth/logout', loggedOut, {});
  }

  registerDevice(deviceId: string): Promise<ServiceResult<z.infer<typeof deviceRegistration>>> {
    return this.call('POST', '/v1/devices/register', deviceRegistration, { deviceId });
  }

  /** `count`: the answer also says how many orders are left from the cursor on (a first sync's progress). */
  pull(cursor: string | null, limit: number, count = false): Promise<ServiceResult<PullResponse>> {
    const query = new URLSearchParams({
      limit: String(limit),
      ...(cursor ? { cursor } : {}),
      ...(count ? { count: 'true' } : {}),
    });
    return this.call('GET', `/v1/sync/pull?${query}`, pullPage);
  }

  push(deviceId: string, intents: Intent[]): Promise<ServiceResult<PushResponse>> {
    return this.call('POST', '/v1/sync/push', pushResponse, { deviceId, intents });
  }

  /** Whether the service answers at all, within `timeoutMs`: the liveness probe between rounds. */
  async reachable(timeoutMs: number): Promise<boolean> {
    return (await this.once('GET', '/v1/health', healthAnswer, undefined, timeoutMs)).ok;
  }

  /** The names of places and people, for showing names instead of codes. */
  directory(): Promise<ServiceResult<Directory>> {
    return this.call('GET', '/v1/directory', directory);
  }

  /** The reports of the caller's scope over a range (reports.read). */
  reports(query: ReportQuery): Promise<ServiceResult<ReportAnswer>> {
    const params = new URLSearchParams({ from: String(query.from), to: String(query.to), bucket: query.bucket });
    return this.call('GET', `/v1/reports/summary?${params}`, reportAnswer);
  }

  /** The redemptions of the caller's stores in a time range, as the service holds them. */
  redemptions(range: { from: number; to: number }): Promise<ServiceResult<RedemptionList>> {
    const query = new URLSearchParams({ from: String(range.from), to: String(range.to), limit: '1000' });
    return this.call('GET', `/v1/redemptions?${query}`, redemptionList);
  }

  /**
   * One call, tried a second time when the connection fails outright: after a network blip the
   * first request often lands on a pooled connection that died with it. Every call here is safe to
   * repeat (pushes are idempotent by intent id, pulls are reads).
   */
  async call<T>(method: 'GET' | 'POST', path: string, schema: Schema<T>, body?: unknown): Promise<ServiceResult<T>> {
    const first = await this.once(method, path, schema, body);
    if (first.ok || first.failure.kind !== 'OFFLINE') return first;
    return this.once(method, path, schema, body);
  }

  private async once<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: Schema<T>,
    body?: unknown,
    timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  ): Promise<ServiceResult<T>> {
    const { baseUrl, token, device, fetchImpl = fetch } = this.options;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (device) {
      headers['x-device-id'] = device.id;
      headers['x-device-time'] = String(Math.round(device.now()));
    }
    const bearer = token?.();
    if (bearer) headers['authorization'] = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(new URL(path, baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        return failed({ kind: 'TIMEOUT', message: `No answer from the order service within ${timeoutMs} ms` });
      }
      return failed({ kind: 'OFFLINE', message: `Order service unreachable: ${(error as Error).message}` });
    }
    const json = parseJson(text);
    if (!response.ok) return failed(refusalOf(response.status, json));
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return failed({
        kind: 'BAD_RESPONSE',
        status: response.status,
        message: 'The order service sent an answer of the wrong shape',
      });
    }
    return { ok: true, value: parsed.data };
  }
}

const loggedOut = z.strictObject({});
const healthAnswer = z.object({ status: z.literal('ok') });

export const failed = (failure: ServiceFailure): { ok: false; failure: ServiceFailure } => ({ ok: false, failure });

/** An answer other than 2xx, as data: the service's own refusal, its failure, or garbage. */
export function refusalOf(status: number, json: unknown): ServiceFailure {
  if (status >= 500) return { kind: 'SERVER_ERROR', status, message: `Order service answered ${status}` };
  const error = serviceError.safeParse(json);
  if (!error.success) return { kind: 'BAD_RESPONSE', status, message: `Unreadable ${status} answer` };
  const { code, message } = error.data.error;
  return { kind: 'REJECTED', status, code, message, body: json };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
