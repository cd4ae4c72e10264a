/**
 * The 拼多多 open-platform wire protocol, shared by the connector's client and the stub gateway.
 * Sources are cited in docs/connectors.md; in short: the router path and common parameters (type,
 * client_id, access_token, timestamp in seconds, data_type, version, sign) from the official PHP
 * SDK's PopHttpClient, the envelopes `{"<name>_response": …}` per method and `{"error_response":
 * {error_code, error_msg, sub_code, sub_msg, request_id}}` from the SDK models, the error codes from
 * the 返回错误码说明 table the platform prints under every API.
 */

export const PDD_PATH = '/api/router';

/** Each method's response root, as the SDK models name them (not derived from the method name). */
export const PDD_RESPONSE_KEYS = {
  'pdd.order.number.list.increment.get': 'order_sn_increment_get_response',
  'pdd.order.information.get': 'order_info_get_response',
  'pdd.logistics.online.send': 'logistics_online_send_response',
  'pdd.order.upload.extra.logistics': 'upload_extra_logistics_response',
  'pdd.refund.list.increment.get': 'refund_increment_get_response',
  'pdd.refund.agree': 'response',
} as const;
export type PddMethod = keyof typeof PDD_RESPONSE_KEYS;

export const isPddMethod = (type: string): type is PddMethod => type in PDD_RESPONSE_KEYS;

export interface PddError {
  error_code: number;
  error_msg: string;
  sub_code?: string | null;
  sub_msg?: string;
  request_id?: string;
}

export const PDD_ERRORS = {
  invalidParameter: { error_code: 10000, error_msg: '参数错误' },
  commonParameter: { error_code: 10001, error_msg: '公共参数错误' },
  unknownClient: { error_code: 10016, error_msg: 'client下线或者clientId不正确' },
  unknownType: { error_code: 10017, error_msg: 'type不正确' },
  tokenExpired: { error_code: 10019, error_msg: 'access_token已过期' },
  badSignature: { error_code: 20004, error_msg: '签名sign校验失败' },
  badToken: { error_code: 20032, error_msg: 'access_token或client_id错误' },
  businessError: { error_code: 50001, error_msg: '业务服务错误' },
  internalError: { error_code: 50000, error_msg: '系统内部错误' },
  apiThrottled: { error_code: 52101, error_msg: '当前接口被限流，请稍后重试' },
  tooFrequent: { error_code: 70031, error_msg: '调用过于频繁，请调整调用频率' },
} as const satisfies Record<string, PddError>;

export type PddFailureKind = 'throttled' | 'transient' | 'credentials' | 'refused';

export function classifyPddError(error: PddError): PddFailureKind {
  if (error.error_code === 70031 || error.error_code === 52101) return 'throttled';
  if ([10016, 10019, 20004, 20032].includes(error.error_code)) return 'credentials';
  if ([50000, 50002, 52001, 52002, 52102, 52103].includes(error.error_code)) return 'transient';
  return 'refused';
}

/** 拼多多 amounts are yuan as JSON numbers (12.5); fen are exact integers. */
export const yuanNumber = (fen: number): number => Math.round(fen) / 100;
export const fenOfYuan = (yuan: unknown): number | null =>
  typeof yuan === 'number' && Number.isFinite(yuan) && yuan >= 0 ? Math.round(yuan * 100) : null;
