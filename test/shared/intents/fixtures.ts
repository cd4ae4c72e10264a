import type { OrderRecord } from '../../../src/shared/contract/records';
import type { Intent, IntentPayload, IntentType } from '../../../src/shared/contract/sync';
import { generateDemoOrders } from '../../../src/shared/demo/generate';
import { orderStateOf, type Applied, type ApplyContext, type OrderState } from '../../../src/shared/intents';

/** The demo generator's "now"; every record it makes lies in the 90 days before. */
export const NOW = Date.UTC(2025, 5, 1, 2, 0, 0);

/** The same realistic orders the service seeds and the client shows, deterministic for this seed. */
const ORDERS: readonly OrderRecord[] = generateDemoOrders({ count: 600, seed: 11, now: NOW });

/** Freezes a record all the way down, so an applier that mutated its input would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The first demo order that fits, frozen. */
export function demoOrder(what: string, fits: (order: OrderRecord) => boolean): OrderRecord {
  const found = ORDERS.find(fits);
  if (!found) throw new Error(`the demo data has no ${what}`);
  return deepFreeze(structuredClone(found));
}

export const demoState = (what: string, fits: (order: OrderRecord) => boolean): OrderState =>
  orderStateOf(demoOrder(what, fits));

/** A paid physical order nobody has touched yet: nothing shipped, no lock, no request open. */
export const untouchedToShip = (order: OrderRecord): boolean =>
  order.kind === 'PHYSICAL' &&
  order.status === 'PENDING_SHIPMENT' &&
  !order.locked &&
  order.exception === null &&
  order.afterSales.length === 0 &&
  order.lines.every((l) => l.shippedQuantity === 0 && l.refundedQuantity === 0);

/** Who does it: a warehouse clerk on a registered laptop, an hour after the demo's "now". */
export const desk: ApplyContext = { now: NOW + 3_600_000, actor: 'warehouse:zhang.wei', device: 'DEV-0042' };

export const later = (ctx: ApplyContext, ms: number): ApplyContext => ({ ...ctx, now: ctx.now + ms });

let nextId = 0;
/** An intent as a device's outbox holds it. */
export function intent<T extends IntentType>(type: T, payload: IntentPayload<T>, clientTime = desk.now): Intent {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    seq: nextId,
    clientTime,
    type,
    payload,
  } as Intent;
}

/** The state an applier produced; fails the test with the refusal when there is none. */
export function ok(result: Applied): OrderState {
  if (!result.ok) throw new Error(`refused ${result.code}: ${result.message ?? ''}`);
  return result.state;
}

export const lastEntry = (state: OrderState) => state.record.timeline.at(-1);
