import type { OrderKind } from './vocabulary';

export interface SplittableLine {
  merchantId: string;
  warehouseId: string | null;
  /** A child order has one kind (its state machine depends on it), so kinds never share a child. */
  kind?: OrderKind;
}

export interface CheckoutGroup<L extends SplittableLine> {
  /** 1-based; becomes the child order number's suffix (makeChildOrderNumber). */
  childIndex: number;
  merchantId: string;
  warehouseId: string | null;
  kind: OrderKind | null;
  lines: L[];
}

/** Code-unit order, not localeCompare: the same cart must split the same way on every machine. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Goods without a warehouse (virtual, service) come after the warehouse groups of their merchant. */
const compareNullableLast = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : compareText(a, b);

/**
 * One checkout (the parent order) becomes child orders: first by merchant (the platform's own goods
 * are a merchant too), then by warehouse, then by order kind. Groups are sorted, not taken in cart
 * order, so re-submitting the same cart gives the same child numbers; lines keep their cart order
 * inside a group.
 */
export function splitCheckout<L extends SplittableLine>(lines: readonly L[]): CheckoutGroup<L>[] {
  const groups = new Map<string, Omit<CheckoutGroup<L>, 'childIndex'>>();
  for (const line of lines) {
    const kind = line.kind ?? null;
    const key = JSON.stringify([line.merchantId, line.warehouseId, kind]);
    const group = groups.get(key);
    if (group) group.lines.push(line);
    else groups.set(key, { merchantId: line.merchantId, warehouseId: line.warehouseId, kind, lines: [line] });
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        compareText(a.merchantId, b.merchantId) ||
        compareNullableLast(a.warehouseId, b.warehouseId) ||
        compareNullableLast(a.kind, b.kind),
    )
    .map((group, i) => ({ childIndex: i + 1, ...group }));
}
