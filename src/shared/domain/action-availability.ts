import {
  AFTER_SALE_TRANSITIONS,
  availableAfterSaleActions,
  canRequestAfterSale,
  type AfterSaleRequestRefusal,
  type AfterSaleActionType,
  type AfterSaleRefusal,
} from './after-sale-machine';
import { availableActions, type OrderActionType, type OrderFacts, type OrderRefusal } from './order-machine';
import { can, inScope, type Operation, type ScopedOrder } from './rights';
import { AFTER_SALE_TYPES, type AfterSaleStatus, type AfterSaleType, type DataScope, type Role } from './vocabulary';

/**
 * Whether a desk user may take an action on an order right now, and if not, why: the rights of
 * their role, their data scope, the order's state machine, and whether the order still waits for
 * the service. One table per action family; the renderer only translates the reason code.
 */

/** The order actions a desk offers on the detail panel. */
export const DESK_ORDER_ACTIONS = [
  'SHIP',
  'LOCK',
  'UNLOCK',
  'NOTE',
  'CANCEL',
] as const satisfies readonly OrderActionType[];
export type DeskOrderAction = (typeof DESK_ORDER_ACTIONS)[number];

/** The after-sale actions staff take (WITHDRAW is the buyer's). */
export const DESK_AFTER_SALE_ACTIONS = [
  'APPROVE',
  'REJECT',
  'RECEIVE_RETURN',
  'REFUND',
  'SHIP_EXCHANGE',
] as const satisfies readonly AfterSaleActionType[];
export type DeskAfterSaleAction = (typeof DESK_AFTER_SALE_ACTIONS)[number];

export type UnavailableReason = 'FORBIDDEN_ROLE' | 'OUT_OF_SCOPE' | 'WAITING_SYNC' | OrderRefusal | AfterSaleRefusal;
export type Availability = { ok: true } | { ok: false; reason: UnavailableReason };

export const ORDER_ACTION_RIGHTS: Readonly<Record<DeskOrderAction, Operation>> = {
  SHIP: 'orders.ship',
  LOCK: 'orders.lock',
  UNLOCK: 'orders.lock',
  NOTE: 'orders.note',
  CANCEL: 'orders.cancel',
};

export const AFTER_SALE_ACTION_RIGHTS: Readonly<Record<DeskAfterSaleAction, Operation>> = {
  APPROVE: 'aftersales.review',
  REJECT: 'aftersales.review',
  RECEIVE_RETURN: 'aftersales.receiveReturn',
  REFUND: 'aftersales.refund',
  SHIP_EXCHANGE: 'aftersales.shipExchange',
};

/**
 * Money leaving by the original route is final: a refund waits until the service has confirmed
 * every earlier change of the order (an approval made on this device, say), so it is never paid
 * out against a state another desk has already overtaken. Everything else is applied locally and
 * queued, and a conflict ends up in the exceptions inbox where it can still be put right.
 */
export const WAITS_FOR_SYNC: ReadonlySet<DeskOrderAction | DeskAfterSaleAction> = new Set(['REFUND']);

export interface Viewer {
  role: Role;
  scope: DataScope;
}

export interface OrderSituation {
  facts: OrderFacts;
  placement: ScopedOrder;
  /** Local changes of this order the service has not answered yet. */
  pendingSync: number;
}

const NOT: (reason: UnavailableReason) => Availability = (reason) => ({ ok: false, reason });
const YES: Availability = { ok: true };

/** Rights come first (a role that can never do it), then scope, then the order, then sync. */
function judge(
  viewer: Viewer,
  situation: OrderSituation,
  action: DeskOrderAction | DeskAfterSaleAction,
  right: Operation,
  decision: { ok: true } | { ok: false; code: OrderRefusal | AfterSaleRefusal },
): Availability {
  if (!can(viewer.role, right)) return NOT('FORBIDDEN_ROLE');
  if (!inScope(viewer.scope, situation.placement)) return NOT('OUT_OF_SCOPE');
  if (!decision.ok) return NOT(decision.code);
  if (WAITS_FOR_SYNC.has(action) && situation.pendingSync > 0) return NOT('WAITING_SYNC');
  return YES;
}

export function orderActionAvailability(
  viewer: Viewer,
  situation: OrderSituation,
): Record<DeskOrderAction, Availability> {
  const decisions = new Map(availableActions(situation.facts).map((a) => [a.action, a.decision]));
  return Object.fromEntries(
    DESK_ORDER_ACTIONS.map((action) => [
      action,
      judge(viewer, situation, action, ORDER_ACTION_RIGHTS[action], decisions.get(action)!),
    ]),
  ) as Record<DeskOrderAction, Availability>;
}

export interface AfterSaleSituation {
  type: AfterSaleType;
  status: AfterSaleStatus;
}

export function afterSaleActionAvailability(
  viewer: Viewer,
  situation: OrderSituation,
  request: AfterSaleSituation,
): Record<DeskAfterSaleAction, Availability> {
  const facts = { type: request.type, status: request.status, orderLocked: situation.facts.locked };
  const decisions = new Map(availableAfterSaleActions(facts).map((a) => [a.action, a.decision]));
  return Object.fromEntries(
    DESK_AFTER_SALE_ACTIONS.map((action) => [
      action,
      judge(viewer, situation, action, AFTER_SALE_ACTION_RIGHTS[action], decisions.get(action)!),
    ]),
  ) as Record<DeskAfterSaleAction, Availability>;
}

/** The staff actions a request's type and status admit at all: the ones worth a button. */
export function afterSaleActionsInPlay(request: AfterSaleSituation): DeskAfterSaleAction[] {
  return DESK_AFTER_SALE_ACTIONS.filter((action) =>
    AFTER_SALE_TRANSITIONS.some(
      (t) => t.action === action && t.types.includes(request.type) && t.from === request.status,
    ),
  );
}

/** What customer service does for a buyer on the phone: each its own right, judged by the shared machines. */
export const CUSTOMER_SERVICE_ACTIONS = [
  'CANCEL_PAID',
  'OPEN_AFTER_SALE',
  'CHANGE_RECEIVER',
  'CONFIRM_RECEIPT',
  'EXTEND_RECEIPT',
] as const;
export type CustomerServiceAction = (typeof CUSTOMER_SERVICE_ACTIONS)[number];

export const CUSTOMER_SERVICE_RIGHTS: Readonly<Record<CustomerServiceAction, Operation>> = {
  CANCEL_PAID: 'orders.cancelPaid',
  OPEN_AFTER_SALE: 'aftersales.open',
  CHANGE_RECEIVER: 'orders.changeReceiver',
  CONFIRM_RECEIPT: 'orders.receipt',
  EXTEND_RECEIPT: 'orders.receipt',
};

export type CustomerServiceRefusal = UnavailableReason | AfterSaleRequestRefusal;
export type CustomerServiceAvailability = { ok: true } | { ok: false; reason: CustomerServiceRefusal };

/** When the request rules are judged: now, and when the order completed (the after-sales window). */
export interface Moment {
  now: number;
  completedAt: number | null;
}

type Verdict = { ok: true } | { ok: false; code: CustomerServiceRefusal };

/**
 * Cancelling a paid order with its refund is the whole-order refund-only request opened, approved
 * and paid at once; opening a request for a caller is fine when any type of request is.
 */
const COMPOSITE: Record<'CANCEL_PAID' | 'OPEN_AFTER_SALE', (facts: OrderFacts, moment: Moment) => Verdict> = {
  CANCEL_PAID: (facts, moment) => {
    if (facts.locked) return { ok: false, code: 'ORDER_LOCKED' };
    return canRequestAfterSale(facts, 'REFUND_ONLY', moment);
  },
  OPEN_AFTER_SALE: (facts, moment) => {
    const decisions = AFTER_SALE_TYPES.map((type) => canRequestAfterSale(facts, type, moment));
    // The most telling refusal: one of the order's state (a request open) before "not in this status".
    const telling = (codes: readonly string[]) => decisions.find((d) => !d.ok && !codes.includes(d.code));
    return (
      decisions.find((d) => d.ok) ?? telling(['WRONG_KIND', 'WRONG_STATUS']) ?? telling(['WRONG_KIND']) ?? decisions[0]!
    );
  },
};

/** Money out (cancelling with a refund) waits for the service like a refund does. */
const CS_WAITS_FOR_SYNC: ReadonlySet<CustomerServiceAction> = new Set(['CANCEL_PAID']);

export function customerServiceAvailability(
  viewer: Viewer,
  situation: OrderSituation,
  moment: Moment,
): Record<CustomerServiceAction, CustomerServiceAvailability> {
  const machine = new Map(availableActions(situation.facts).map((a) => [a.action, a.decision]));
  const verdict = (action: CustomerServiceAction): Verdict =>
    action === 'CANCEL_PAID' || action === 'OPEN_AFTER_SALE'
      ? COMPOSITE[action](situation.facts, moment)
      : machine.get(action)!;
  return Object.fromEntries(
    CUSTOMER_SERVICE_ACTIONS.map((action): [CustomerServiceAction, CustomerServiceAvailability] => {
      if (!can(viewer.role, CUSTOMER_SERVICE_RIGHTS[action])) return [action, { ok: false, reason: 'FORBIDDEN_ROLE' }];
      if (!inScope(viewer.scope, situation.placement)) return [action, { ok: false, reason: 'OUT_OF_SCOPE' }];
      const decided = verdict(action);
      if (!decided.ok) return [action, { ok: false, reason: decided.code }];
      if (CS_WAITS_FOR_SYNC.has(action) && situation.pendingSync > 0) {
        return [action, { ok: false, reason: 'WAITING_SYNC' }];
      }
      return [action, { ok: true }];
    }),
  ) as Record<CustomerServiceAction, CustomerServiceAvailability>;
}
