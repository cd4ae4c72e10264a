import type { OrderDetail } from '../../shared/contract/orders';
import { remainingToShip } from '../../shared/domain/order-facts';

export interface PickRow {
  sku: string;
  name: string;
  spec: string;
  /** Units to take off the shelf: what the orders still owe to ship. */
  quantity: number;
  orders: Array<{ orderNo: string; quantity: number }>;
}

/**
 * One walk through the warehouse for many orders: every line still owed, added up by SKU and
 * sorted by SKU (a warehouse's shelf codes follow its SKU codes more often than its item names).
 * Shipped and refunded units are not picked again.
 */
export function pickList(orders: readonly OrderDetail[]): PickRow[] {
  const rows = new Map<string, PickRow>();
  for (const order of orders) {
    for (const line of order.lines) {
      const owed = remainingToShip(line);
      if (owed <= 0) continue;
      const row = rows.get(line.sku) ?? { sku: line.sku, name: line.name, spec: line.spec, quantity: 0, orders: [] };
      row.quantity += owed;
      const entry = row.orders.find((o) => o.orderNo === order.orderNo);
      if (entry) entry.quantity += owed;
      else row.orders.push({ orderNo: order.orderNo, quantity: owed });
      rows.set(line.sku, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * Orders in the order a picker meets them on that same walk: by the first SKU each still owes (the
 * walk goes by SKU), then by order number. The batch label queue prints in this order, so labels
 * come off the roll as the parcels come off the shelves.
 */
export function inPickOrder<T extends { order: OrderDetail }>(items: readonly T[]): T[] {
  const firstSku = (order: OrderDetail) =>
    order.lines
      .filter((l) => remainingToShip(l) > 0)
      .map((l) => l.sku)
      .sort()[0] ?? '\uffff';
  const keyed = items.map((item) => ({ item, sku: firstSku(item.order), orderNo: item.order.orderNo }));
  keyed.sort((a, b) => (a.sku === b.sku ? (a.orderNo < b.orderNo ? -1 : 1) : a.sku < b.sku ? -1 : 1));
  return keyed.map((k) => k.item);
}
