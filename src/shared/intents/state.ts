import type { OrderRecord } from '../contract/records';
import { openAfterSaleTypeOf } from '../domain/after-sale-machine';
import type { OrderFacts } from '../domain/order-machine';

/**
 * An order as the intents see it: the wire record plus the state the record does not carry. The
 * service stores receiptExtended in its own column; a device that only has the record derives it
 * from the timeline (orderStateOf).
 */
export interface OrderState {
  record: OrderRecord;
  receiptExtended: boolean;
}

/** Receipt was extended once the timeline says so: the buyer (or staff) logged EXTEND_RECEIPT. */
export const receiptExtendedOf = (record: OrderRecord): boolean =>
  record.timeline.some((entry) => entry.action === 'EXTEND_RECEIPT');

/** The state of a record on its own, for callers (the client) that have no receiptExtended of theirs. */
export const orderStateOf = (record: OrderRecord, receiptExtended = receiptExtendedOf(record)): OrderState => ({
  record,
  receiptExtended,
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
    money: { paid: record.amounts.paid, refunded: refundedFen(record) },
  };
}

/** What the order's successful refunds have given back (exchanges move goods, not money). */
export const refundedFen = (record: Pick<OrderRecord, 'afterSales'>): number =>
  record.afterSales
    .filter((a) => a.status === 'SUCCEEDED' && a.type !== 'EXCHANGE')
    .reduce((sum, a) => sum + a.amount, 0);

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
