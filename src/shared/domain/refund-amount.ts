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
