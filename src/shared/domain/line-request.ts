import type { OrderLineFacts } from './order-facts';
import { firstRefusal } from './result';

export interface LineQuantity {
  lineNo: number;
  quantity: number;
}

export type LineRequestRefusal = 'QUANTITY_INVALID' | 'UNKNOWN_LINE' | 'QUANTITY_EXCEEDS_REMAINING';

/**
 * Checks a request for quantities of lines (shipping a parcel, refunding or returning items) against
 * how much each line still has room for. Each code is checked across the whole request before the
 * next, so the answer never depends on the order of the items; repeated lines add up.
 */
export function lineRequestRefusal(
  lines: readonly OrderLineFacts[],
  requested: readonly LineQuantity[],
  room: (line: OrderLineFacts) => number,
): LineRequestRefusal | null {
  const known = new Map(lines.map((line) => [line.lineNo, line]));
  const totals = new Map<number, number>();
  for (const { lineNo, quantity } of requested) totals.set(lineNo, (totals.get(lineNo) ?? 0) + quantity);
  return firstRefusal<LineRequestRefusal>([
    () => (requested.some((r) => !Number.isSafeInteger(r.quantity) || r.quantity <= 0) ? 'QUANTITY_INVALID' : null),
    () => (requested.some((r) => !known.has(r.lineNo)) ? 'UNKNOWN_LINE' : null),
    () =>
      [...totals].some(([lineNo, quantity]) => {
        const line = known.get(lineNo);
        return !line || quantity > room(line);
      })
        ? 'QUANTITY_EXCEEDS_REMAINING'
        : null,
  ]);
}

/** Adds requested quantities to one counter of each line (shipped or refunded). */
export function addToLines(
  lines: readonly OrderLineFacts[],
  requested: readonly LineQuantity[],
  field: 'shippedQuantity' | 'refundedQuantity',
): OrderLineFacts[] {
  return lines.map((line) => {
    const added = requested.filter((r) => r.lineNo === line.lineNo).reduce((a, r) => a + r.quantity, 0);
    return added === 0 ? line : { ...line, [field]: line[field] + added };
  });
}
