import type { LineQuantity } from './line-request';
import { remainingToShip, type OrderLineFacts } from './order-facts';

/**
 * How an order's units are grouped into shipments before they leave: 拆单 (one order, several
 * parcels decided in advance) and 合单 (several orders, one parcel). Pure rules on line
 * quantities; the intents (shared/intents/split.ts, merge.ts) apply them to records.
 */

/** What the warehouse still owes, line by line (refunded and shipped units are not). */
export function owedUnits(lines: readonly OrderLineFacts[]): LineQuantity[] {
  return lines.flatMap((line) => {
    const quantity = remainingToShip(line);
    return quantity > 0 ? [{ lineNo: line.lineNo, quantity }] : [];
  });
}

const totalsOf = (lines: readonly LineQuantity[]): Map<number, number> => {
  const totals = new Map<number, number>();
  for (const { lineNo, quantity } of lines) totals.set(lineNo, (totals.get(lineNo) ?? 0) + quantity);
  return totals;
};

/**
 * A split must put every owed unit in exactly one part, at least two parts, none empty: a unit left
 * out would never ship, a unit counted twice would ship twice.
 */
export function isPartition(owed: readonly LineQuantity[], parts: readonly (readonly LineQuantity[])[]): boolean {
  if (parts.length < 2 || parts.some((part) => part.length === 0)) return false;
  if (parts.some((part) => part.some((l) => !Number.isSafeInteger(l.quantity) || l.quantity <= 0))) return false;
  const wanted = totalsOf(owed);
  const given = totalsOf(parts.flat());
  if (wanted.size !== given.size) return false;
  return [...wanted].every(([lineNo, quantity]) => given.get(lineNo) === quantity);
}

/** A parcel fits a part when it carries nothing the part does not hold (a refund may have shrunk it). */
export function fitsPart(parcel: readonly LineQuantity[], part: readonly LineQuantity[]): boolean {
  const room = totalsOf(part);
  return [...totalsOf(parcel)].every(([lineNo, quantity]) => quantity <= (room.get(lineNo) ?? 0));
}

/**
 * Which unshipped part each parcel is, in parcel order, each part used once; null when a parcel is
 * no part at all. The first part that fits is taken, so the desk's "ship part 2" is part 2 when it
 * sends part 2's lines exactly.
 */
export function partsForParcels(
  parcels: readonly (readonly LineQuantity[])[],
  parts: ReadonlyArray<{ lines: readonly LineQuantity[]; shipped: boolean }>,
): number[] | null {
  const taken = new Set<number>();
  const chosen: number[] = [];
  for (const parcel of parcels) {
    const exact = parts.findIndex(
      (part, i) => !part.shipped && !taken.has(i) && fitsPart(parcel, part.lines) && fitsPart(part.lines, parcel),
    );
    const index =
      exact >= 0 ? exact : parts.findIndex((part, i) => !part.shipped && !taken.has(i) && fitsPart(parcel, part.lines));
    if (index < 0) return null;
    taken.add(index);
    chosen.push(index);
  }
  return chosen;
}

/** What orders must share to leave in one parcel under one label. */
export interface MergeFacts {
  orderNo: string;
  buyerId: string;
  /** The receiver as one comparable string (name, phone, full address). */
  receiver: string;
  warehouseId: string | null;
}

export type MergeRefusal = 'MERGE_TOO_FEW' | 'MERGE_MISMATCH';

/** 合单 joins at least two distinct orders of one buyer, to one receiver, from one warehouse. */
export function mergeRefusal(orders: readonly MergeFacts[]): MergeRefusal | null {
  if (new Set(orders.map((o) => o.orderNo)).size < 2) return 'MERGE_TOO_FEW';
  const [first] = orders;
  const same = orders.every(
    (o) =>
      o.buyerId === first!.buyerId &&
      o.receiver === first!.receiver &&
      o.warehouseId !== null &&
      o.warehouseId === first!.warehouseId,
  );
  return same ? null : 'MERGE_MISMATCH';
}
