/**
 * Every call across the bridge answers a Result: failures travel as data with a stable code,
 * never as a thrown stack trace, so the renderer can translate and show them.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'FORBIDDEN_ROLE',
  'NOT_FOUND',
  'BAD_CURSOR',
  'TRANSPORT_FAILED',
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
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: ApiIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
