import { assertFen, type Fen } from './money';

export interface RefundableLine {
  /** The line's payable after its pro-rata discount share. */
  payable: Fen;
  quantity: number;
  refundedQuantity: number;
}

/**
 * What refunding `quantity` more units of a line gives back. Computed as the difference of two
 * floored cumulative shares, so refunding a line unit by unit in any steps returns exactly its
 * payable in the end and never a fen more, without remembering earlier refund amounts.
 */
export function lineRefundFen(line: RefundableLine, quantity: number): Fen {
  assertFen(line.payable, 'payable');
  const { quantity: total, refundedQuantity: before } = line;
  const valid = [total, before, quantity].every(Number.isSafeInteger) && total > 0 && before >= 0 && quantity >= 0;
  if (!valid || before + quantity > total) {
    throw new RangeError(`cannot refund ${quantity} of a line of ${total} with ${before} already refunded`);
  }
  const cumulative = (units: number): Fen => Number((BigInt(line.payable) * BigInt(units)) / BigInt(total));
  return cumulative(before + quantity) - cumulative(before);
}

export interface RefundableOrderLine extends RefundableLine {
  lineNo: number;
}

export interface RefundableOrder {
  lines: readonly RefundableOrderLine[];
  amounts: { payable: Fen; paid: Fen; freightInsurance: Fen; pointsUsed: number };
  /** What the order's earlier refunds have given back. */
  refundedFen: Fen;
}

/** What one refund gives back, as the refund step shows it before money moves. */
export interface RefundBreakdown {
  /** The goods' share: each line's payable after its pro-rata discount. */
  goods: Fen;
  /** The freight paid, given back only when a refund-only calls the whole order off. */
  freight: Fen;
  /** goods + freight: the money that goes back by the original route. */
  total: Fen;
  /** Points the buyer used, returned in proportion to the money (all of them once everything is back). */
  points: number;
  /** 运费险 is bought from the insurer beside the payable: never part of a refund, shown for the record. */
  insurance: Fen;
}

/**
 * The money a refund of these units gives back (domain.md "After-sales", "Amounts"). The freight
 * is part of what the buyer paid: a refund-only (仅退款: nothing shipped, or nothing arrived) that
 * brings every item back calls the whole order off, so the freight goes back too, every fen paid is
 * back and the order is 全额退款. A return (退货退款) keeps the freight of a delivery that did take
 * place; the postage back is what 运费险 is for.
 */
export function refundOf(
  order: RefundableOrder,
  type: 'REFUND_ONLY' | 'RETURN_REFUND',
  requested: ReadonlyArray<{ lineNo: number; quantity: number }>,
): RefundBreakdown {
  const refunded = new Map(order.lines.map((l) => [l.lineNo, l.refundedQuantity]));
  let goods = 0;
  for (const { lineNo, quantity } of requested) {
    const line = order.lines.find((l) => l.lineNo === lineNo);
    if (!line) continue;
    const before = refunded.get(lineNo) ?? 0;
    goods += lineRefundFen({ ...line, refundedQuantity: before }, quantity);
    refunded.set(lineNo, before + quantity);
  }
  const allBack = order.lines.every((l) => (refunded.get(l.lineNo) ?? 0) >= l.quantity);
  const freightPaid = Math.max(0, order.amounts.payable - order.lines.reduce((sum, l) => sum + l.payable, 0));
  const freight = type === 'REFUND_ONLY' && allBack ? freightPaid : 0;
  const total = goods + freight;
  const { pointsUsed, paid } = order.amounts;
  const pointsAt = (fen: Fen): number =>
    paid > 0 ? Number((BigInt(pointsUsed) * BigInt(Math.min(fen, paid))) / BigInt(paid)) : 0;
  const points = pointsAt(order.refundedFen + total) - pointsAt(order.refundedFen);
  return { goods, freight, total, points, insurance: order.amounts.freightInsurance };
}
