import { AFTER_SALE_REFUSALS, AFTER_SALE_REQUEST_REFUSALS } from '../../shared/domain/after-sale-machine';
import { ORDER_REFUSALS } from '../../shared/domain/order-machine';
import { REDEMPTION_REFUSALS } from '../../shared/domain/redemption-code';
import { INTENT_REFUSALS } from '../../shared/intents/result';

/**
 * Every refusal the service gives, with its HTTP status. Codes are stable UPPER_SNAKE: clients
 * translate them, so a code, once released, keeps its meaning. The same codes appear as `code` of
 * a rejected intent in a push.
 */
const SERVICE_ERRORS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  /** Too broken to route: a garbage request line, a path with a broken percent escape. */
  BAD_REQUEST: 400,
  BAD_CURSOR: 400,
  INVALID_INTENT: 400,
  UNKNOWN_INTENT_TYPE: 400,
  UNAUTHENTICATED: 401,
  /** A signed push (carrier events) whose signature or time does not check out. */
  SIGNATURE_INVALID: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN_ROLE: 403,
  STORE_NOT_IN_SCOPE: 403,
  SHOP_NOT_IN_SCOPE: 403,
  NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  CODE_NOT_FOUND: 404,
  AFTER_SALE_NOT_FOUND: 404,
  REDEMPTION_NOT_FOUND: 404,
  SKU_NOT_FOUND: 404,
  DEVICE_NOT_REGISTERED: 409,
  DEVICE_CODES_EXHAUSTED: 409,
  ALREADY_REDEEMED: 409,
  ALREADY_UNDONE: 409,
  UNDO_WINDOW_PASSED: 409,
  REQUEST_ID_REUSED: 409,
  STOCK_SHORT: 409,
  NOT_ON_SALE: 409,
  NOT_TRANSFERABLE: 409,
  NO_OPEN_AFTER_SALE: 409,
  ORDER_NO_TAKEN: 409,
  INTENT_ID_TAKEN: 409,
  USERNAME_TAKEN: 409,
  LAST_ADMIN: 409,
  NOT_DEAD: 409,
  USER_NOT_FOUND: 404,
  SHOP_NOT_FOUND: 404,
  CONNECTOR_NOT_FOUND: 404,
  UNKNOWN_PLACE: 422,
  ORDER_AMBIGUOUS: 422,
  PASSWORD_TOO_SHORT: 422,
  USERNAME_FORMAT: 422,
  SCOPE_REQUIRED: 422,
  SCOPE_NOT_FOR_ROLE: 422,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HOST_NOT_ALLOWED: 421,
  HEADERS_TOO_LARGE: 431,
  DEALER_ORDER_REJECTED: 422,
  RATE_LIMITED: 429,
  CODE_ATTEMPTS_LIMITED: 429,
  REQUEST_TIMEOUT: 408,
  INTERNAL: 500,
} as const;

/** Refusals about what the request asked for rather than the state it met. */
const PARAMETER_REFUSALS = new Set<string>([
  'REASON_REQUIRED',
  'TEXT_REQUIRED',
  'USES_INVALID',
  'QUANTITY_INVALID',
  'UNKNOWN_LINE',
  'QUANTITY_EXCEEDS_REMAINING',
  'NOTHING_TO_SHIP',
  'NOTHING_ELIGIBLE',
  'UNKNOWN_CARRIER',
  'TRACKING_EMPTY',
  'TRACKING_FORMAT',
  'CODE_OTHER_MERCHANT',
  'CODE_NOT_YET_VALID',
  'CODE_EXPIRED',
]);

/**
 * The domain's own refusals (order and after-sale machines, code checks, the shared intent
 * appliers): 422 when the request's parameters are at fault, 409 when the order's current state
 * refuses it.
 */
const DOMAIN_REFUSALS = [
  ...ORDER_REFUSALS,
  ...AFTER_SALE_REFUSALS,
  ...AFTER_SALE_REQUEST_REFUSALS,
  ...REDEMPTION_REFUSALS,
  ...INTENT_REFUSALS,
] as const;

export const ERROR_STATUS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(DOMAIN_REFUSALS.map((code) => [code, PARAMETER_REFUSALS.has(code) ? 422 : 409])),
  ...SERVICE_ERRORS,
};

export type ErrorCode = keyof typeof SERVICE_ERRORS | (typeof DOMAIN_REFUSALS)[number];

export interface Issue {
  path: string;
  message: string;
}

export interface Conflict {
  redeemedBy: string;
  storeId: string;
  redeemedAt: number;
}

export interface ErrorDetails {
  issues?: Issue[];
  /** Per-field reasons (dealer order intake), keyed by the field's path: "lines.0.quantity". */
  fieldErrors?: Record<string, string>;
  conflict?: Conflict;
  retryAfterMs?: number;
}

/**
 * A refusal. Services throw it (which also rolls back whatever the unit wrote); the HTTP layer
 * answers it as `{error:{code, message, ...}}`, a push as a rejected intent.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return ERROR_STATUS[this.code] ?? 409;
  }

  /** Rate limits and attempt limits pass; a retry later may succeed, so it is never remembered. */
  get transient(): boolean {
    return this.status === 429;
  }

  toBody(): { error: { code: string; message: string } & Omit<ErrorDetails, 'retryAfterMs'> } {
    const { retryAfterMs: _retry, ...details } = this.details;
    return { error: { code: this.code, message: this.message, ...details } };
  }
}

export const refused = (code: ErrorCode, message: string, details?: ErrorDetails): never => {
  throw new ApiError(code, message, details);
};
