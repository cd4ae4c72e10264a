import { AFTER_SALE_TYPES, type AfterSaleStatus, type AfterSaleType } from './vocabulary';

export type AfterSaleAction =
  | { type: 'APPROVE' }
  | { type: 'REJECT'; reason: string }
  | { type: 'WITHDRAW' }
  | { type: 'RECEIVE_RETURN' }
  | { type: 'REFUND' }
  | { type: 'SHIP_EXCHANGE'; carrier: string; trackingNo: string };

export type AfterSaleActionType = AfterSaleAction['type'];

export const AFTER_SALE_ACTION_TYPES = [
  'APPROVE',
  'REJECT',
  'WITHDRAW',
  'RECEIVE_RETURN',
  'REFUND',
  'SHIP_EXCHANGE',
] as const satisfies readonly AfterSaleActionType[];

export interface AfterSaleTransition {
  action: AfterSaleActionType;
  types: readonly AfterSaleType[];
  from: AfterSaleStatus;
  to: AfterSaleStatus;
  /** Money out or goods out: a lock on the order holds these. Decisions and receiving goods go on. */
  blockedByLock: boolean;
}

const ALL_TYPES = AFTER_SALE_TYPES;

/**
 * domain.md "After-sales". Beyond the page: a request waiting for the returned goods may also be
 * rejected (with a reason), because the goods can fail inspection or never arrive, and without
 * that the request would stay open forever and block every later request.
 */
export const AFTER_SALE_TRANSITIONS: readonly AfterSaleTransition[] = [
  { action: 'APPROVE', types: ['REFUND_ONLY'], from: 'PENDING_REVIEW', to: 'PENDING_REFUND', blockedByLock: false },
  { action: 'APPROVE', types: ['RETURN_REFUND'], from: 'PENDING_REVIEW', to: 'AWAITING_RETURN', blockedByLock: false },
  {
    action: 'APPROVE',
    types: ['EXCHANGE'],
    from: 'PENDING_REVIEW',
    to: 'AWAITING_EXCHANGE_RETURN',
    blockedByLock: false,
  },
  { action: 'REJECT', types: ALL_TYPES, from: 'PENDING_REVIEW', to: 'REJECTED', blockedByLock: false },
  { action: 'REJECT', types: ['RETURN_REFUND'], from: 'AWAITING_RETURN', to: 'REJECTED', blockedByLock: false },
  { action: 'REJECT', types: ['EXCHANGE'], from: 'AWAITING_EXCHANGE_RETURN', to: 'REJECTED', blockedByLock: false },
  { action: 'WITHDRAW', types: ALL_TYPES, from: 'PENDING_REVIEW', to: 'WITHDRAWN', blockedByLock: false },
  {
    action: 'RECEIVE_RETURN',
    types: ['RETURN_REFUND'],
    from: 'AWAITING_RETURN',
    to: 'PENDING_REFUND',
    blockedByLock: false,
  },
  {
    action: 'RECEIVE_RETURN',
    types: ['EXCHANGE'],
    from: 'AWAITING_EXCHANGE_RETURN',
    to: 'EXCHANGE_OUTBOUND',
    blockedByLock: false,
  },
  {
    action: 'REFUND',
    types: ['REFUND_ONLY', 'RETURN_REFUND'],
    from: 'PENDING_REFUND',
    to: 'SUCCEEDED',
    blockedByLock: true,
  },
  { action: 'SHIP_EXCHANGE', types: ['EXCHANGE'], from: 'EXCHANGE_OUTBOUND', to: 'SUCCEEDED', blockedByLock: true },
];

export const FINAL_AFTER_SALE_STATUSES: readonly AfterSaleStatus[] = ['SUCCEEDED', 'REJECTED', 'WITHDRAWN'];

export function isAfterSaleOpen(status: AfterSaleStatus): boolean {
  return !FINAL_AFTER_SALE_STATUSES.includes(status);
}

/** The order's open request type (OrderFacts.openAfterSaleType) from its after-sale records. */
export function openAfterSaleTypeOf(
  requests: ReadonlyArray<{ type: AfterSaleType; status: AfterSaleStatus }>,
): AfterSaleType | null {
  return requests.find((r) => isAfterSaleOpen(r.status))?.type ?? null;
}
