import type { IntakeOrder } from '../../shared/contract/intake';
import type { OrderRecord, TimelineRecord } from '../../shared/contract/records';
import type { ExceptionReasonCode } from '../../shared/domain/exception-reasons';
import { logged } from '../../shared/intents/timeline';
import type { WorkContext } from '../orders/context';
import { saveOrder } from '../orders/persist';
import { stateOf } from '../orders/state';
import { reserve } from '../orders/stock';
import type { ExternalOrderRow, OrderRow, ShopRow } from '../storage/repositories';
import { acceptedChildren, heldChild } from './build';
import { canonical } from './canonical';
import { checkOrder, type CheckedOrder } from './checks';
import { applyFirstRefund } from './versions';
import type { LineMapEntry } from '../outbound/enqueue';

export type Placement =
  { outcome: 'accepted'; orderNos: string[] } | { outcome: 'held'; orderNos: string[]; checked: CheckedOrder };

/** Keys sorted first: a record read back from PostgreSQL's jsonb spells its keys in another order. */
const sameApartFromTimeline = (a: OrderRecord, b: OrderRecord): boolean => {
  const strip = ({ timeline: _t, updatedAt: _u, ...rest }: OrderRecord) => canonical(rest);
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
};

/**
 * The first child of a released order is built afresh from the version, so its timeline replays
 * what the held order already went through (its CREATE, its PAY when it was paid while held). Of
 * those entries only the ones the held order has no counterpart of are new; each entry of the
 * held order's history answers for one rebuilt entry of its action.
 */
function notLivedThrough(history: readonly TimelineRecord[], rebuilt: readonly TimelineRecord[]): TimelineRecord[] {
  const lived = history.map((entry) => entry.action);
  return rebuilt.filter((entry) => {
    const match = lived.indexOf(entry.action);
    if (match === -1) return true;
    lived.splice(match, 1);
    return false;
  });
}

/** Saves accepted children (child 01 over the held order when there is one) and holds their stock. */
async function placeAccepted(
  ctx: WorkContext,
  shop: ShopRow,
  order: IntakeOrder,
  checked: CheckedOrder,
  parentNo: string,
  held: OrderRow | null,
): Promise<{ orderNos: string[]; lineMap: string }> {
  const { children, lineMap } = await acceptedChildren(ctx, shop, order, checked, parentNo);
  const orderNos: string[] = [];
  for (const [i, child] of children.entries()) {
    let state = child.state;
    if (i === 0 && held) {
      // The held order becomes the first child: its history goes on, its exception closes, and
      // then comes what the release itself did (a payment, the code, 审单's hold).
      const history = stateOf(held).record.timeline;
      const cleared = logged(
        ctx,
        { ...state, record: { ...state.record, timeline: history } },
        'EXCEPTION_CLEARED',
        `异常已解除，订单拆分为 ${children.length} 个子订单${child.warehouseId ? `，${child.warehouseId} 发货` : ''}`,
      );
      const timeline = [...cleared.record.timeline, ...notLivedThrough(history, state.record.timeline)];
      state = { ...cleared, record: { ...cleared.record, timeline } };
    }
    const record = await saveOrder(ctx, state, i === 0 ? held : null);
    orderNos.push(record.orderNo);
    if (child.warehouseId && record.status !== 'CANCELLED')
      await reserve(
        ctx,
        record.orderNo,
        child.warehouseId,
        record.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })),
      );
  }
  return { orderNos, lineMap: JSON.stringify(lineMap) };
}

/**
 * Places a version of an order: checked, then accepted into children or held as an exception
 * order. `held` is the order's held child when it was held before (a later version, a re-check);
 * `waived` are reasons a person has accepted (the supervisor's resolve: "ship as charged").
 * Answers the order numbers and the line map to keep with the external order.
 */
export async function place(
  ctx: WorkContext,
  shop: ShopRow,
  order: IntakeOrder,
  parentNo: string,
  held: OrderRow | null,
  waived: readonly ExceptionReasonCode[] = [],
): Promise<Placement & { lineMap: string }> {
  const checked = await checkOrder(ctx, shop, order);
  const failures = checked.failures.filter((f) => !waived.includes(f.code));
  if (failures.length === 0) {
    const { orderNos, lineMap } = await placeAccepted(ctx, shop, order, checked, parentNo, held);
    if (order.refund && order.refund.status !== 'WITHDRAWN')
      await applyFirstRefund(ctx, parentNo, JSON.parse(lineMap) as LineMapEntry[], order);
    return { outcome: 'accepted', orderNos, lineMap };
  }
  const keptFailures = { ...checked, failures };
  const previous = held && stateOf(held);
  const { state, lineMap } = await heldChild(ctx, shop, order, keptFailures, parentNo, previous);
  // A re-check that finds the same causes changes nothing: no new version for every desk to pull.
  if (!previous || !sameApartFromTimeline(previous.record, state.record)) await saveOrder(ctx, state, held);
  return { outcome: 'held', orderNos: [state.record.orderNo], checked: keptFailures, lineMap: JSON.stringify(lineMap) };
}

/** The held child of an external order, while it is held. */
export async function heldOrderOf(ctx: WorkContext, known: ExternalOrderRow): Promise<OrderRow | null> {
  if (!known.held) return null;
  const [only] = await ctx.tx.orders.childrenOf(known.parentNo);
  return only ?? null;
}
