import { ApiError } from '../http/errors';
import type { Tx } from '../storage/repositories';
import type { WorkContext } from './context';

/**
 * Stock of physical goods per warehouse: on hand, and reserved for orders not yet shipped.
 * An order's reservations are kept per line, so whatever releases or ships takes back exactly what
 * that order holds, never more. Every change moves the item's catalogue sequence: dealers see
 * stock as it is.
 */

export interface StockLine {
  lineNo: number;
  sku: string;
  quantity: number;
}

export interface LineQuantity {
  lineNo: number;
  quantity: number;
}

/** Marks an item's stock changed, so dealers pull it again with its new count. */
export async function touchStock(tx: Tx, sku: string): Promise<void> {
  await tx.catalogue.touch(sku, await tx.sequence.next());
}

const touch = (ctx: WorkContext, sku: string): Promise<void> => touchStock(ctx.tx, sku);

/** Units of `sku` free to promise, per warehouse. */
export async function available(ctx: WorkContext, sku: string): Promise<Map<string, number>> {
  const levels = await ctx.tx.stock.levels(sku);
  return new Map(levels.map((level) => [level.warehouseId, level.onHand - level.reserved]));
}

async function hold(ctx: WorkContext, sku: string, warehouseId: string, quantity: number): Promise<void> {
  const free = (await available(ctx, sku)).get(warehouseId) ?? 0;
  if (free < quantity) throw new ApiError('STOCK_SHORT', `Only ${free} of ${sku} free in ${warehouseId}`);
  await ctx.tx.stock.adjust(sku, warehouseId, 0, quantity);
  await touch(ctx, sku);
}

export async function reserve(
  ctx: WorkContext,
  orderNo: string,
  warehouseId: string,
  lines: StockLine[],
): Promise<void> {
  for (const line of lines) {
    await hold(ctx, line.sku, warehouseId, line.quantity);
    await ctx.tx.stock.putReservation({
      orderNo,
      lineNo: line.lineNo,
      sku: line.sku,
      warehouseId,
      quantity: line.quantity,
    });
  }
}

/**
 * Gives back what an order holds: all of it (cancelled) or some lines (refunded before shipping).
 * `consumed` is true when the goods left the warehouse instead (shipped): they leave on-hand too.
 */
async function settle(
  ctx: WorkContext,
  orderNo: string,
  lines: LineQuantity[] | null,
  consumed: boolean,
): Promise<void> {
  for (const held of await ctx.tx.stock.reservations(orderNo)) {
    const asked =
      lines === null
        ? held.quantity
        : lines.filter((l) => l.lineNo === held.lineNo).reduce((a, l) => a + l.quantity, 0);
    const taken = Math.min(asked, held.quantity);
    if (taken === 0) continue;
    await ctx.tx.stock.adjust(held.sku, held.warehouseId, consumed ? -taken : 0, -taken);
    await ctx.tx.stock.putReservation({ ...held, quantity: held.quantity - taken });
    await touch(ctx, held.sku);
  }
}

export const releaseAll = (ctx: WorkContext, orderNo: string): Promise<void> => settle(ctx, orderNo, null, false);
export const releaseLines = (ctx: WorkContext, orderNo: string, lines: LineQuantity[]): Promise<void> =>
  settle(ctx, orderNo, lines, false);
export const consume = (ctx: WorkContext, orderNo: string, lines: LineQuantity[]): Promise<void> =>
  settle(ctx, orderNo, lines, true);

/** Returned goods back on the shelf of the warehouse they shipped from. */
export async function restock(ctx: WorkContext, warehouseId: string, items: Array<{ sku: string; quantity: number }>) {
  for (const { sku, quantity } of items) {
    const known = (await ctx.tx.stock.levels(sku)).some((level) => level.warehouseId === warehouseId);
    if (known) await ctx.tx.stock.adjust(sku, warehouseId, quantity, 0);
    else await ctx.tx.stock.insert({ sku, warehouseId, onHand: quantity, reserved: 0 });
    await touch(ctx, sku);
  }
}

/** Replacement goods of an exchange leave straight from the shelf. */
export async function issue(ctx: WorkContext, warehouseId: string, items: Array<{ sku: string; quantity: number }>) {
  for (const { sku, quantity } of items) {
    const free = (await available(ctx, sku)).get(warehouseId);
    if (free === undefined) continue; // goods this warehouse does not count (not stocked here)
    if (free < quantity) throw new ApiError('STOCK_SHORT', `Only ${free} of ${sku} free in ${warehouseId}`);
    await ctx.tx.stock.adjust(sku, warehouseId, -quantity, 0);
    await touch(ctx, sku);
  }
}

/** An order moved to another warehouse takes its reservations along (or is refused when short there). */
export async function moveReservations(ctx: WorkContext, orderNo: string, toWarehouse: string): Promise<void> {
  for (const held of await ctx.tx.stock.reservations(orderNo)) {
    if (held.quantity === 0 || held.warehouseId === toWarehouse) continue;
    await hold(ctx, held.sku, toWarehouse, held.quantity);
    await ctx.tx.stock.adjust(held.sku, held.warehouseId, 0, -held.quantity);
    await ctx.tx.stock.putReservation({ ...held, warehouseId: toWarehouse });
  }
}
