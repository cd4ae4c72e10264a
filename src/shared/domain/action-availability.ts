import {
  AFTER_SALE_TRANSITIONS,
  availableAfterSaleActions,
  type AfterSaleActionType,
  type AfterSaleRefusal,
} from './after-sale-machine';
import { availableActions, type OrderActionType, type OrderFacts, type OrderRefusal } from './order-machine';
import { can, inScope, type Operation, type ScopedOrder } from './rights';
import type { AfterSaleStatus, AfterSaleType, DataScope, Role } from './vocabulary';

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
