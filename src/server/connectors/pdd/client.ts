import { failed, parseObject, postForm, type PlatformResult } from '../failure';
import { routerUrl } from '../taobao/client';
import { classifyPddError, PDD_PATH, PDD_RESPONSE_KEYS, type PddError, type PddMethod } from './protocol';
import { signPdd } from './sign';

export interface PddCredentials {
  clientId: string;
  clientSecret: string;
  accessToken: string;
}

export interface PddClientOptions {
  gateway: string;
  credentials: PddCredentials;
  timeoutMs?: number;
  clock?: () => number;
  /** Aborted when the service stops: a call in flight ends at once. */
  signal?: AbortSignal;
}

/**
 * One signed 拼多多 call: common parameters (type, client_id, access_token, timestamp in seconds,
 * data_type=JSON, version=V1), object parameters as JSON text, MD5-signed, posted as a form; the
 * method's response object on success, a PlatformFailure otherwise.
 */
export class PddClient {
  private readonly url: string;

  constructor(private readonly options: PddClientOptions) {
    this.url = routerUrl(options.gateway, PDD_PATH);
  }

  async call(
    type: PddMethod,
    params: Readonly<Record<string, unknown>>,
  ): Promise<PlatformResult<Record<string, unknown>>> {
    const { credentials } = this.options;
    const form: Record<string, string> = {
      ...Object.fromEntries(
        Object.entries(params)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
      ),
      type,
      client_id: credentials.clientId,
      access_token: credentials.accessToken,
      timestamp: String(Math.floor((this.options.clock ?? Date.now)() / 1000)),
      data_type: 'JSON',
      version: 'V1',
    };
    form.sign = signPdd(form, credentials.clientSecret);
    const posted = await postForm(this.url, form, this.options.timeoutMs ?? 15_000, this.options.signal);
    if (!posted.ok) return posted;
    const parsed = parseObject(posted.value);
    if (!parsed.ok) return parsed;
    const error = parsed.value.error_response as PddError | undefined;
    if (error && typeof error === 'object') {
      return failed({
        kind: classifyPddError(error),
        code: `PDD_${error.error_code}`,
        message: error.sub_msg || error.error_msg,
      });
    }
    const body = parsed.value[PDD_RESPONSE_KEYS[type]];
    if (typeof body !== 'object' || body === null) {
      return failed({
        kind: 'transient',
        code: 'BAD_RESPONSE',
        message: `no ${PDD_RESPONSE_KEYS[type]} in the answer`,
      });
    }
    return { ok: true, value: body as Record<string, unknown> };
  }
}
