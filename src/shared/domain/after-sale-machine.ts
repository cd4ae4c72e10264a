import {
  AFTER_SALE_ACTION_TYPES,
  AFTER_SALE_TRANSITIONS,
  type AfterSaleAction,
  type AfterSaleActionType,
  type AfterSaleTransition,
} from './after-sale-transitions';
import { checkTrackingNo } from './carriers';
import { ALLOWED, refuse, type Decision, type Outcome } from './result';
import type { AfterSaleStatus, AfterSaleType } from './vocabulary';

export * from './after-sale-transitions';
export { canRequestAfterSale, REQUEST_RULES, AFTER_SALE_REQUEST_REFUSALS } from './after-sale-eligibility';
export type { AfterSaleRequestOptions, AfterSaleRequestRefusal } from './after-sale-eligibility';
export { orderEffectOfAfterSale, AFTER_SALE_ORDER_EFFECTS } from './after-sale-effects';
export type { AfterSaleChange, AfterSaleEffectRefusal } from './after-sale-effects';

export interface AfterSaleFacts {
  type: AfterSaleType;
  status: AfterSaleStatus;
  /** The order's lock holds refunds and exchange shipments too. */
  orderLocked: boolean;
}

/** In the order decideAfterSale() checks them: type → status → lock → parameters. */
export const AFTER_SALE_REFUSALS = [
  'WRONG_TYPE',
  'WRONG_STATUS',
  'ORDER_LOCKED',
  'REASON_REQUIRED',
  'UNKNOWN_CARRIER',
  'TRACKING_EMPTY',
  'TRACKING_FORMAT',
] as const;
export type AfterSaleRefusal = (typeof AFTER_SALE_REFUSALS)[number];

type Found = { ok: true; rule: AfterSaleTransition } | { ok: false; code: AfterSaleRefusal };

function decideState(facts: AfterSaleFacts, type: AfterSaleActionType): Found {
  const forType = AFTER_SALE_TRANSITIONS.filter((t) => t.action === type && t.types.includes(facts.type));
  if (forType.length === 0) return refuse('WRONG_TYPE');
  const rule = forType.find((t) => t.from === facts.status);
  if (!rule) return refuse('WRONG_STATUS');
  return rule.blockedByLock && facts.orderLocked ? refuse('ORDER_LOCKED') : { ok: true, rule };
}

function paramRefusal(action: AfterSaleAction): AfterSaleRefusal | null {
  if (action.type === 'REJECT') return action.reason.trim() === '' ? 'REASON_REQUIRED' : null;
  if (action.type === 'SHIP_EXCHANGE') {
    const check = checkTrackingNo(action.carrier, action.trackingNo);
    return check.ok ? null : check.code;
  }
  return null;
}

function decideRule(facts: AfterSaleFacts, action: AfterSaleAction): Found {
  const found = decideState(facts, action.type);
  if (!found.ok) return found;
  const code = paramRefusal(action);
  return code ? refuse(code) : found;
}

export function decideAfterSale(facts: AfterSaleFacts, action: AfterSaleAction): Decision<AfterSaleRefusal> {
  const found = decideRule(facts, action);
  return found.ok ? ALLOWED : found;
}

export function applyAfterSale(
  facts: AfterSaleFacts,
  action: AfterSaleAction,
): Outcome<{ facts: AfterSaleFacts }, AfterSaleRefusal> {
  const found = decideRule(facts, action);
  return found.ok ? { ok: true, facts: { ...facts, status: found.rule.to } } : found;
}

/** Like availableActions for orders: judged on the request alone, parameters come on submit. */
export function availableAfterSaleActions(
  facts: AfterSaleFacts,
): Array<{ action: AfterSaleActionType; decision: Decision<AfterSaleRefusal> }> {
  return AFTER_SALE_ACTION_TYPES.map((action) => {
    const found = decideState(facts, action);
    return { action, decision: found.ok ? ALLOWED : found };
  });
}
