import { randomUUID } from 'node:crypto';
import type { OrderRecord } from '../../shared/contract/records';
import type { WorkContext } from '../orders/context';
import { DELIVERERS, delivererOf } from './deliverers';
import { outboundEventsOf, type LineSource, type OutboundEvent } from './events';

/**
 * Puts an event for an order's source on the outbound queue, in the unit that makes the change:
 * it is delivered exactly when the change is committed, and never when it is rolled back. Orders
 * of no shop, and shops with nobody to tell, have nothing queued. Answers the event id, if any.
 */
export async function enqueue(ctx: WorkContext, record: OrderRecord, event: OutboundEvent): Promise<string | null> {
  const external = record.external;
  if (!external) return null;
  const shop = await ctx.tx.shops.get(external.shopId);
  // A shop connected to its platform is told by its connector (connectors/deliverer.ts).
  if (!shop || (shop.connector === null && !delivererOf(DELIVERERS, shop))) return null;
  const eventId = randomUUID();
  const body = JSON.stringify({
    id: eventId,
    type: event.type,
    shopId: external.shopId,
    externalOrderNo: external.externalOrderNo,
    orderNo: record.orderNo,
    createdAt: ctx.now,
    data: event.data,
  });
  await ctx.tx.outbound.insert({
    eventId,
    shopId: external.shopId,
    orderNo: record.orderNo,
    externalOrderNo: external.externalOrderNo,
    type: event.type,
    body,
    createdAt: ctx.now,
  });
  return eventId;
}

/** The platform's own line ids of a child's lines, from the external order's line map. */
async function lineSource(ctx: WorkContext, record: OrderRecord): Promise<LineSource> {
  const known = await ctx.tx.externalOrders.byParent(record.parentNo);
  const map = known ? (JSON.parse(known.lineMap) as LineMapEntry[]) : [];
  return (lineNo) => {
    const entry = map.find((m) => m.orderNo === record.orderNo && m.lineNo === lineNo);
    return {
      platformLineId: entry?.platformLineId ?? null,
      platformItemId: entry?.platformItemId ?? null,
      platformSkuId: entry?.platformSkuId ?? null,
    };
  };
}

/** Where each line of each child came from in the shop's order (external_orders.line_map). */
export interface LineMapEntry {
  orderNo: string;
  lineNo: number;
  /** The line's place (0-based) in the version the shop sent. */
  input: number;
  platformLineId: string | null;
  platformItemId: string | null;
  platformSkuId: string | null;
}

/**
 * Every change of an order passes here (saveOrder): what its source must learn is worked out from
 * the change itself (events.ts), so no capability can forget to tell it. A change the shop itself
 * sent (a later version, a buyer's event) is not told back to it.
 */
export async function writeBack(ctx: WorkContext, before: OrderRecord | null, after: OrderRecord): Promise<void> {
  if (!after.external || !before || ctx.origin === 'shop') return;
  const events = outboundEventsOf(before, after, await lineSource(ctx, after));
  for (const event of events) await enqueue(ctx, after, event);
}
