import type { ErrorCode } from '../../shared/contract/result';

/** HTTP status for each stable error code: a client's mistake is a 4xx, never a 500. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_CURSOR: 400,
  ACTION_REFUSED: 409,
  UNKNOWN_PROCEDURE: 404,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  RATE_LIMITED: 429,
  SERVICE_UNREACHABLE: 503,
  INSECURE_SERVICE_URL: 400,
  INSECURE_UPDATE_URL: 400,
  FORBIDDEN_ROLE: 403,
  NOT_FOUND: 404,
  TRANSPORT_FAILED: 400,
  NOT_SUPPORTED: 501,
  INTERNAL: 500,
};
