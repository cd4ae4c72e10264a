/**
 * Every call across the bridge answers a Result: failures travel as data with a stable code,
 * never as a thrown stack trace, so the renderer can translate and show them.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'SERVICE_UNREACHABLE',
  /** An order service over plain http to another machine: passwords would cross the network in clear. */
  'INSECURE_SERVICE_URL',
  /** An update feed that is not https: an installer is code the desk would run. */
  'INSECURE_UPDATE_URL',
  'FORBIDDEN_ROLE',
  'NOT_FOUND',
  'BAD_CURSOR',
  'ACTION_REFUSED',
  'TRANSPORT_FAILED',
  /** This transport cannot do it (saving a PDF in browser mode): the renderer offers its fallback. */
  'NOT_SUPPORTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
  /** For ACTION_REFUSED: the domain's refusal code (ORDER_LOCKED, SHIPPING_INTERCEPTED, …) the UI explains. */
  reason?: string;
  /** What the refusal's words name, e.g. `{ trackingNo, orderNo }` of the order already holding a number. */
  params?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: ApiIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
