import { formatChinaTime } from '../china-time';
import { failed, parseObject, postForm, type PlatformResult } from '../failure';
import { banSeconds, classifyTopError, TOP_PATH, topResponseKey, type TopError } from './protocol';
import { signTop, type TopSignMethod } from './sign';

export interface TopCredentials {
  appKey: string;
  appSecret: string;
  session: string;
}

export interface TopClientOptions {
  /** The gateway: a base URL (TOP's path is added) or the full router URL. */
  gateway: string;
  credentials: TopCredentials;
  signMethod?: TopSignMethod;
  timeoutMs?: number;
  clock?: () => number;
  /** Aborted when the service stops: a call in flight ends at once. */
  signal?: AbortSignal;
}

/** The gateway's router URL: a bare origin gets TOP's /router/rest. */
export function routerUrl(gateway: string, path: string): string {
  const url = new URL(gateway);
  if (url.pathname === '/' || url.pathname === '') url.pathname = path;
  return url.toString();
}

/**
 * One signed TOP call: common parameters (method, app_key, session, timestamp in Beijing time,
 * format=json, v=2.0, sign_method), signed, posted as a form; the answer's
 * `<method>_response` object on success, a PlatformFailure otherwise. Raw text is kept for the
 * caller because trade numbers exceed double precision (read tid_str/oid_str, never tid/oid).
 */
export class TopClient {
  private readonly url: string;

  constructor(private readonly options: TopClientOptions) {
    this.url = routerUrl(options.gateway, TOP_PATH);
  }

  async call(
    method: string,
    params: Readonly<Record<string, string>>,
  ): Promise<PlatformResult<Record<string, unknown>>> {
    const { credentials } = this.options;
    const signMethod = this.options.signMethod ?? 'md5';
    const form: Record<string, string> = {
      ...params,
      method,
      app_key: credentials.appKey,
      session: credentials.session,
      timestamp: formatChinaTime((this.options.clock ?? Date.now)()),
      format: 'json',
      v: '2.0',
      sign_method: signMethod,
    };
    form.sign = signTop(form, credentials.appSecret, signMethod);
    const posted = await postForm(this.url, form, this.options.timeoutMs ?? 15_000, this.options.signal);
    if (!posted.ok) return posted;
    const parsed = parseObject(posted.value);
    if (!parsed.ok) return parsed;
    const error = parsed.value.error_response as TopError | undefined;
    if (error && typeof error === 'object') {
      const ban = banSeconds(error);
      return failed({
        kind: classifyTopError(error),
        code: `TOP_${error.code}${error.sub_code ? `:${error.sub_code}` : ''}`,
        message: error.sub_msg || error.msg,
        ...(ban !== null ? { retryAfterMs: ban * 1000 } : {}),
      });
    }
    const body = parsed.value[topResponseKey(method)];
    if (typeof body !== 'object' || body === null) {
      return failed({ kind: 'transient', code: 'BAD_RESPONSE', message: `no ${topResponseKey(method)} in the answer` });
    }
    return { ok: true, value: body as Record<string, unknown> };
  }
}
