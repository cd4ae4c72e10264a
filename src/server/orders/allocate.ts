import type { WorkContext } from './context';
import { available } from './stock';

export interface Demand {
  sku: string;
  quantity: number;
  /** Only physical goods are stocked; the others need no warehouse. */
  physical: boolean;
}

export interface Allocation {
  /** The warehouse of each demand, in order (null for goods without stock). */
  warehouses: Array<string | null>;
  /** Indexes of demands no warehouse can cover. */
  short: number[];
}

/**
 * Picks warehouses for an order's goods. One warehouse for everything when any can cover it (one
 * parcel, one child order), the one serving the receiver's province first; otherwise line by line,
 * which splits the order by warehouse. A line is never split across warehouses.
 */
export async function allocate(
  ctx: WorkContext,
  demands: readonly Demand[],
  province: string | null,
): Promise<Allocation> {
  const free = new Map<string, Map<string, number>>();
  for (const d of demands) if (d.physical && !free.has(d.sku)) free.set(d.sku, await available(ctx, d.sku));
  const nearest = province ? await ctx.tx.places.warehouseForProvince(province) : null;
  const candidates = [...new Set([...free.values()].flatMap((levels) => [...levels.keys()]))].sort((a, b) =>
    a === nearest ? -1 : b === nearest ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );

  const taken = new Map<string, number>();
  const key = (sku: string, warehouse: string) => `${sku}|${warehouse}`;
  const fits = (d: Demand, warehouse: string) =>
    (free.get(d.sku)?.get(warehouse) ?? 0) - (taken.get(key(d.sku, warehouse)) ?? 0) >= d.quantity;
  const take = (d: Demand, warehouse: string) =>
    taken.set(key(d.sku, warehouse), (taken.get(key(d.sku, warehouse)) ?? 0) + d.quantity);

  const physical = demands.filter((d) => d.physical);
  const whole = candidates.find((warehouse) => {
    taken.clear();
    return physical.every((d) => fits(d, warehouse) && take(d, warehouse));
  });
  if (whole !== undefined) return { warehouses: demands.map((d) => (d.physical ? whole : null)), short: [] };

  taken.clear();
  const short: number[] = [];
  const warehouses = demands.map((d, i) => {
    if (!d.physical) return null;
    const warehouse = candidates.find((w) => fits(d, w));
    if (warehouse === undefined) {
      short.push(i);
      return null;
    }
    take(d, warehouse);
    return warehouse;
  });
  return { warehouses, short };
}
