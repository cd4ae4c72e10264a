/**
 * The TOP wire protocol (淘宝/天猫 open platform), shared by the connector's client and the stub
 * gateway. Sources are cited in docs/connectors.md; in short: the router path and common
 * parameters from the official SDKs (bububa/opentaobao model/request.go), the envelopes
 * `{"<method minus taobao., dots as underscores>_response": …}` and `{"error_response": {code, msg,
 * sub_code, sub_msg, request_id}}` from model/response.go, the platform error codes from TOP's
 * 错误码一览表.
 */

export const TOP_PATH = '/router/rest';

/** taobao.trades.sold.increment.get → trades_sold_increment_get_response */
export const topResponseKey = (method: string): string =>
  `${method.replace(/^taobao\./, '').replaceAll('.', '_')}_response`;

export interface TopError {
  code: number;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
  request_id?: string;
}

/** Platform-level errors (code < 100) and the remote-service family (15) the connector meets. */
export const TOP_ERRORS = {
  appCallLimited: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count' },
  remoteServiceError: { code: 15, msg: 'Remote service error' },
  missingMethod: { code: 21, msg: 'Missing method' },
  invalidMethod: { code: 22, msg: 'Invalid method' },
  invalidFormat: { code: 23, msg: 'Invalid format' },
  missingSignature: { code: 24, msg: 'Missing signature' },
  invalidSignature: { code: 25, msg: 'Invalid signature' },
  missingSession: { code: 26, msg: 'Missing session' },
  invalidSession: { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey' },
  missingAppKey: { code: 28, msg: 'Missing app key' },
  invalidAppKey: { code: 29, msg: 'Invalid app key' },
  missingTimestamp: { code: 30, msg: 'Missing timestamp' },
  invalidTimestamp: { code: 31, msg: 'Invalid timestamp' },
  missingVersion: { code: 32, msg: 'Missing version' },
  invalidVersion: { code: 33, msg: 'Invalid version' },
  missingArguments: { code: 40, msg: 'Missing required arguments' },
  invalidArguments: { code: 41, msg: 'Invalid arguments' },
} as const satisfies Record<string, TopError>;

/** "This ban will last for 41 more seconds" → 41 (the wait TOP asks for after code 7). */
export function banSeconds(error: Pick<TopError, 'sub_msg'>): number | null {
  const m = /last for (\d+) more seconds/.exec(error.sub_msg ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * What a failure means for the caller: wait and retry (throttled, or a server-side isp.* fault),
 * fix the shop's credentials (signature, session, app key), or a refusal of this request itself
 * (isv.* business errors, bad arguments) that repeating will not change.
 */
export type TopFailureKind = 'throttled' | 'transient' | 'credentials' | 'refused';

export function classifyTopError(error: TopError): TopFailureKind {
  if (error.code === 7 || error.code === 8 || error.sub_code?.startsWith('accesscontrol.')) return 'throttled';
  if ([24, 25, 26, 27, 28, 29].includes(error.code)) return 'credentials';
  if (error.code === 10 || error.sub_code?.startsWith('isp.')) return 'transient';
  return 'refused';
}
