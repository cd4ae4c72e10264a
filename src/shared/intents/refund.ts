import type { OrderRecord } from '../contract/records';
import type { LineQuantity } from '../domain/line-request';
import { refundOf, type RefundBreakdown } from '../domain/refund-amount';
import { refundedFen } from './state';

/** What refunding these units of the order gives back now, after its earlier refunds (shared refundOf). */
export const refundOfRecord = (
  record: Pick<OrderRecord, 'lines' | 'amounts' | 'afterSales'>,
  type: 'REFUND_ONLY' | 'RETURN_REFUND',
  lines: readonly LineQuantity[],
): RefundBreakdown =>
  refundOf({ lines: record.lines, amounts: record.amounts, refundedFen: refundedFen(record) }, type, lines);
