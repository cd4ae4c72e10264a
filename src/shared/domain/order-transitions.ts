import type { OrderActionType, OrderRefusal } from './order-actions';
import { ORDER_KINDS, type OrderKind, type OrderStatus } from './vocabulary';

export interface OrderTransition {
  action: OrderActionType;
  kinds: readonly OrderKind[];
  from: readonly OrderStatus[];
  /** The status afterwards; null when the action leaves it alone. */
  to: OrderStatus | null;
  /** The status moves to `to` only once this holds after the action; until then it stays put. */
  until?: 'ALL_SHIPPED' | 'NO_USES_LEFT';
  /**
   * A locked order refuses the action. PAY and CLOSE record money that has already moved (the
   * payment arrived, the refund went out), so refusing them would make the order contradict the
   * bank; LOCK, UNLOCK and NOTE are how staff work on a locked order.
   */
  blockedByLock: boolean;
  /** A review hold (待审核) keeps the goods in the warehouse until a supervisor approves. */
  blockedByReview?: boolean;
  /** An open exception (异常订单) keeps the goods in the warehouse until a person resolves it. */
  blockedByException?: boolean;
  /** An open refund-only request holds the goods (or the code) until it is decided. */
  interceptedBy?: Extract<OrderRefusal, 'SHIPPING_INTERCEPTED' | 'REDEMPTION_INTERCEPTED'>;
}

const ALL_KINDS = ORDER_KINDS;

/** The statuses each kind lives in (domain.md "Order status"); anything else is corrupt data. */
export const KIND_LIFECYCLES: Readonly<Record<OrderKind, readonly OrderStatus[]>> = {
  PHYSICAL: ['PENDING_PAYMENT', 'PENDING_SHIPMENT', 'PENDING_RECEIPT', 'COMPLETED', 'CANCELLED', 'CLOSED'],
  VIRTUAL: ['PENDING_PAYMENT', 'PENDING_RECEIPT', 'COMPLETED', 'CANCELLED', 'CLOSED'],
  SERVICE: ['PENDING_PAYMENT', 'PENDING_REDEMPTION', 'COMPLETED', 'CANCELLED', 'CLOSED'],
};

const lifecycleWithout = (kind: OrderKind, excluded: readonly OrderStatus[]): OrderStatus[] =>
  KIND_LIFECYCLES[kind].filter((status) => !excluded.includes(status));

/** One row per kind, for actions that apply to every kind but only within that kind's lifecycle. */
const everyKind = (row: (kind: OrderKind) => Omit<OrderTransition, 'kinds'>): OrderTransition[] =>
  ALL_KINDS.map((kind) => ({ ...row(kind), kinds: [kind] }));

/**
 * The order state machine (domain.md "Order status"). Virtual goods are delivered by the payment
 * itself, so PAY takes a virtual order straight to 待收货, where the buyer (or the 24 h timer)
 * confirms receipt and may extend once, exactly like a physical order but without shipping.
 */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { action: 'PAY', kinds: ['PHYSICAL'], from: ['PENDING_PAYMENT'], to: 'PENDING_SHIPMENT', blockedByLock: false },
  { action: 'PAY', kinds: ['VIRTUAL'], from: ['PENDING_PAYMENT'], to: 'PENDING_RECEIPT', blockedByLock: false },
  { action: 'PAY', kinds: ['SERVICE'], from: ['PENDING_PAYMENT'], to: 'PENDING_REDEMPTION', blockedByLock: false },
  { action: 'CANCEL', kinds: ALL_KINDS, from: ['PENDING_PAYMENT'], to: 'CANCELLED', blockedByLock: true },
  {
    action: 'SHIP',
    kinds: ['PHYSICAL'],
    from: ['PENDING_SHIPMENT'],
    to: 'PENDING_RECEIPT',
    until: 'ALL_SHIPPED',
    blockedByLock: true,
    blockedByReview: true,
    blockedByException: true,
    interceptedBy: 'SHIPPING_INTERCEPTED',
  },
  {
    action: 'CONFIRM_RECEIPT',
    kinds: ['PHYSICAL', 'VIRTUAL'],
    from: ['PENDING_RECEIPT'],
    to: 'COMPLETED',
    blockedByLock: true,
  },
  {
    action: 'EXTEND_RECEIPT',
    kinds: ['PHYSICAL', 'VIRTUAL'],
    from: ['PENDING_RECEIPT'],
    to: null,
    blockedByLock: true,
  },
  {
    action: 'REDEEM',
    kinds: ['SERVICE'],
    from: ['PENDING_REDEMPTION'],
    to: 'COMPLETED',
    until: 'NO_USES_LEFT',
    blockedByLock: true,
    interceptedBy: 'REDEMPTION_INTERCEPTED',
  },
  // From PENDING_REDEMPTION too: undoing one use of a multi-use code leaves the order waiting.
  {
    action: 'UNDO_REDEMPTION',
    kinds: ['SERVICE'],
    from: ['COMPLETED', 'PENDING_REDEMPTION'],
    to: 'PENDING_REDEMPTION',
    blockedByLock: true,
  },
  // Where the goods go may change until the first parcel leaves (STATE_GUARDS: nothing shipped).
  {
    action: 'CHANGE_RECEIVER',
    kinds: ['PHYSICAL'],
    from: ['PENDING_PAYMENT', 'PENDING_SHIPMENT'],
    to: null,
    blockedByLock: true,
  },
  // Money received and not all given back: everything after payment except the final statuses.
  ...everyKind((kind) => ({
    action: 'CLOSE',
    from: lifecycleWithout(kind, ['PENDING_PAYMENT', 'CANCELLED', 'CLOSED']),
    to: 'CLOSED',
    blockedByLock: false,
  })),
  // CANCELLED and CLOSED are final: there is nothing left to hold.
  ...everyKind((kind) => ({
    action: 'LOCK',
    from: lifecycleWithout(kind, ['CANCELLED', 'CLOSED']),
    to: null,
    blockedByLock: false,
  })),
  // Unlock anywhere, so an order that was locked and then closed by a refund is never stuck locked.
  ...everyKind((kind) => ({ action: 'UNLOCK', from: KIND_LIFECYCLES[kind], to: null, blockedByLock: false })),
  ...everyKind((kind) => ({ action: 'NOTE', from: KIND_LIFECYCLES[kind], to: null, blockedByLock: false })),
];
