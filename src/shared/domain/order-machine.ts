import { allShipped, type OrderFacts } from './order-facts';
import { effectFor } from './order-effects';
import { paramGuardFor, STATE_GUARDS } from './order-guards';
import { ORDER_ACTION_TYPES, type OrderAction, type OrderActionType, type OrderRefusal } from './order-actions';
import { ORDER_TRANSITIONS, type OrderTransition } from './order-transitions';
import { ALLOWED, firstRefusal, refuse, type Decision, type Outcome } from './result';

export * from './order-facts';
export * from './order-actions';
export { ORDER_TRANSITIONS, type OrderTransition } from './order-transitions';
export { STATE_GUARDS, PARAM_GUARDS } from './order-guards';
export { ORDER_EFFECTS } from './order-effects';

export type OrderDecision = Decision<OrderRefusal>;

type Found = { ok: true; rule: OrderTransition } | { ok: false; code: OrderRefusal };

function findRule(facts: OrderFacts, type: OrderActionType): Found {
  const forKind = ORDER_TRANSITIONS.filter((t) => t.action === type && t.kinds.includes(facts.kind));
  if (forKind.length === 0) return refuse('WRONG_KIND');
  const rule = forKind.find((t) => t.from.includes(facts.status));
  return rule ? { ok: true, rule } : refuse('WRONG_STATUS');
}

/** Everything but the action's parameters, in the precedence of ORDER_REFUSALS. */
function decideState(facts: OrderFacts, type: OrderActionType): Found {
  const found = findRule(facts, type);
  if (!found.ok) return found;
  const { rule } = found;
  const code = firstRefusal<OrderRefusal>([
    () => (rule.blockedByLock && facts.locked ? 'ORDER_LOCKED' : null),
    () => (rule.blockedByReview && facts.reviewPending ? 'REVIEW_PENDING' : null),
    () => (rule.blockedByException && facts.exceptionOpen ? 'EXCEPTION_OPEN' : null),
    () => (rule.interceptedBy && facts.openAfterSaleType === 'REFUND_ONLY' ? rule.interceptedBy : null),
    () => STATE_GUARDS[type]?.(facts) ?? null,
  ]);
  return code ? refuse(code) : found;
}

function decideRule(facts: OrderFacts, action: OrderAction): Found {
  const found = decideState(facts, action.type);
  if (!found.ok) return found;
  const code = paramGuardFor(action)?.(facts, action) ?? null;
  return code ? refuse(code) : found;
}

export function decide(facts: OrderFacts, action: OrderAction): OrderDecision {
  const found = decideRule(facts, action);
  return found.ok ? ALLOWED : found;
}

const UNTIL: Record<NonNullable<OrderTransition['until']>, (next: OrderFacts, action: OrderAction) => boolean> = {
  ALL_SHIPPED: (next) => allShipped(next.lines),
  NO_USES_LEFT: (_next, action) => action.type === 'REDEEM' && action.usesLeftAfter === 0,
};

export function apply(facts: OrderFacts, action: OrderAction): Outcome<{ facts: OrderFacts }, OrderRefusal> {
  const found = decideRule(facts, action);
  if (!found.ok) return found;
  const { rule } = found;
  const changed = effectFor(action)?.(facts, action) ?? facts;
  const moves = rule.to !== null && (rule.until === undefined || UNTIL[rule.until](changed, action));
  return { ok: true, facts: moves && rule.to !== null ? { ...changed, status: rule.to } : changed };
}

export interface AvailableAction {
  action: OrderActionType;
  decision: OrderDecision;
}

/**
 * Every action with whether it may be taken now, judged on the order alone (parameters such as a
 * lock reason are checked when the action is submitted), so a disabled button can say why.
 */
export function availableActions(facts: OrderFacts): AvailableAction[] {
  return ORDER_ACTION_TYPES.map((action) => {
    const found = decideState(facts, action);
    return { action, decision: found.ok ? ALLOWED : found };
  });
}
