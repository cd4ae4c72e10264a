import type { OrderRecord } from '../../shared/contract/records';
import { openAfterSaleTypeOf } from '../../shared/domain/after-sale-machine';
import type { OrderFacts } from '../../shared/domain/order-machine';
import type { OrderRow } from '../storage/repositories';

/** An order as the service holds it: the wire record plus the state the record does not carry. */
export interface OrderState {
  record: OrderRecord;
  receiptExtended: boolean;
}

export const stateOf = (row: OrderRow): OrderState => ({
  record: JSON.parse(row.json) as OrderRecord,
  receiptExtended: row.receiptExtended,
});

/** What the shared state machines decide on. */
export function factsOf({ record, receiptExtended }: OrderState): OrderFacts {
  return {
    kind: record.kind,
    status: record.status,
    paymentStatus: record.paymentStatus,
    refundStatus: record.refundStatus,
    locked: record.locked,
    receiptExtended,
    openAfterSaleType: openAfterSaleTypeOf(record.afterSales),
    lines: record.lines.map(({ lineNo, quantity, shippedQuantity, refundedQuantity }) => ({
      lineNo,
      quantity,
      shippedQuantity,
      refundedQuantity,
    })),
  };
}

/** Writes the machine's verdict back into the record; the machine is the only author of these fields. */
export function withFacts(state: OrderState, facts: OrderFacts): OrderState {
  const byLine = new Map(facts.lines.map((line) => [line.lineNo, line]));
  return {
    receiptExtended: facts.receiptExtended,
    record: {
      ...state.record,
      status: facts.status,
      paymentStatus: facts.paymentStatus,
      refundStatus: facts.refundStatus,
      locked: facts.locked,
      lines: state.record.lines.map((line) => {
        const next = byLine.get(line.lineNo);
        return next
          ? { ...line, shippedQuantity: next.shippedQuantity, refundedQuantity: next.refundedQuantity }
          : line;
      }),
    },
  };
}
