import type { DataScope, OrderKind, Role } from './vocabulary';

export const OPERATIONS = [
  'orders.read',
  'orders.ship',
  'orders.lock',
  'orders.note',
  'orders.cancel',
  'orders.export',
  'aftersales.review',
  'aftersales.receiveReturn',
  'aftersales.refund',
  'aftersales.shipExchange',
  'redemption.verify',
  'redemption.redeem',
  'redemption.undo',
  'dealer.enterOrder',
  'exceptions.resolve',
  /** The warehouse floor's settings: verification policy, number pools. */
  'floor.configure',
  'demo.load',
  /** Orders and their later versions into intake (POST /v1/intake/orders), for the caller's shops. */
  'intake.post',
  /** Buyer and mall events on the caller's shops' orders (payment, cancel, after-sales, receipt). */
  'events.post',
  /** Company set-up: users, places, shops, catalogue, stock, dead letters (/v1/admin/*, the 管理 screen). */
  'admin.manage',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
 * Operation rights per role. The server enforces them; the client mirrors them so a button that may
 * not be used can say why. Which orders an operation may touch is the data scope's business
 * (inScope) and which state it needs is the order machine's: a dealer's 'orders.cancel' is limited
 * to their own orders by scope and to unpaid ones by the machine.
 */
export const ROLE_OPERATIONS: Readonly<Record<Role, readonly Operation[]>> = {
  admin: OPERATIONS,
  warehouse: [
    'orders.read',
    'orders.ship',
    'orders.lock',
    'orders.note',
    'orders.export',
    'aftersales.receiveReturn',
    'aftersales.shipExchange',
    'exceptions.resolve',
  ],
  clerk: ['orders.read', 'orders.note', 'redemption.verify', 'redemption.redeem', 'exceptions.resolve'],
  dealer: ['orders.read', 'orders.note', 'orders.cancel', 'dealer.enterOrder', 'exceptions.resolve'],
  // Supervisors, customer service and finance: 'redemption.undo' is the supervisor's correction.
  service: [
    'orders.read',
    'orders.note',
    'orders.lock',
    'orders.cancel',
    'orders.export',
    'aftersales.review',
    'aftersales.refund',
    'redemption.undo',
    'exceptions.resolve',
  ],
  // An ERP's or connector's service account: feeds its shops' orders and events in, reads them back.
  integration: ['orders.read', 'intake.post', 'events.post'],
};

export function can(role: Role, op: Operation): boolean {
  return ROLE_OPERATIONS[role]?.includes(op) ?? false;
}

export function refusalForOperation(role: Role, op: Operation): 'FORBIDDEN_ROLE' | null {
  return can(role, op) ? null : 'FORBIDDEN_ROLE';
}

export interface ScopedOrder {
  kind: OrderKind;
  warehouseId: string | null;
  storeId: string | null;
  dealerId: string | null;
  /** The shop an external order came in through; absent or null for the company's own orders. */
  shopId?: string | null;
}

/**
 * An order is visible when any rule lets it through. A scope is not tied to a role, so a user who
 * is both a warehouse desk and a dealer (small merchants) simply has both lists filled. A store only
 * sees service orders: a physical order picked up in a store is the warehouse's to fulfil.
 */
const SCOPE_RULES: ReadonlyArray<(scope: DataScope, order: ScopedOrder) => boolean> = [
  (scope) => scope.all,
  (scope, order) => order.warehouseId !== null && scope.warehouseIds.includes(order.warehouseId),
  (scope, order) => order.kind === 'SERVICE' && order.storeId !== null && scope.storeIds.includes(order.storeId),
  (scope, order) => order.dealerId !== null && scope.dealerIds.includes(order.dealerId),
  (scope, order) => typeof order.shopId === 'string' && (scope.shopIds?.includes(order.shopId) ?? false),
];

/** Whether a scope may act for a shop (post its orders and events): every shop for an unscoped account. */
export const coversShop = (scope: DataScope, shopId: string): boolean =>
  scope.all || (scope.shopIds?.includes(shopId) ?? false);

export function inScope(scope: DataScope, order: ScopedOrder): boolean {
  return SCOPE_RULES.some((rule) => rule(scope, order));
}
