import type { OrderRecord } from '../../../src/shared/contract/records';
import type { ParcelInput } from '../../../src/shared/contract/sync';
import type { TestDesk } from '../../support/desk';
import { localOrders } from '../../support/convergence';

let tracking = 100_000_000_000;

/** A fresh, well-formed SF tracking number (SF + 13 digits). */
export const nextTrackingNo = (): string => `SF${++tracking}`.padEnd(15, '0');

/** Orders a desk could ship now: paid, not locked, nothing open in after-sales. */
export function shippableOrders(desk: TestDesk): OrderRecord[] {
  return [...localOrders(desk).values()].filter(
    (o) =>
      o.status === 'PENDING_SHIPMENT' &&
      !o.locked &&
      o.exception === null &&
      o.refundStatus === 'NONE' &&
      o.afterSales.every((a) => ['SUCCEEDED', 'REJECTED', 'WITHDRAWN'].includes(a.status)),
  );
}

/** One parcel with everything that is left to ship. */
export function wholeParcel(order: OrderRecord, trackingNo = nextTrackingNo()): ParcelInput {
  return {
    carrier: 'SF',
    trackingNo,
    lines: order.lines
      .map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.shippedQuantity - l.refundedQuantity }))
      .filter((l) => l.quantity > 0),
  };
}
