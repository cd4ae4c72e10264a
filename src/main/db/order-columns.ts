import type { OrderRecord } from '../../shared/contract/records';

type SqlValue = string | number | null;

const SUMMARY_MAX = 200;

/** What the list shows for the goods: "纯棉短袖T恤×2；保温杯×1", cut to fit a cell. */
export function itemSummary(lines: OrderRecord['lines']): string {
  const text = lines.map((l) => `${l.name}×${l.quantity}`).join('；');
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text;
}

/** Space-separated: the list shows it as is, and trigram search never spans two numbers by accident. */
export const trackingNos = (waybills: OrderRecord['waybills']): string => waybills.map((w) => w.trackingNo).join(' ');

/**
 * The orders row of a record, column by column. One table drives both the INSERT and the UPDATE
 * of ingest, so adding a column cannot update one path and forget the other.
 */
export const ORDER_COLUMNS: ReadonlyArray<readonly [column: string, value: (r: OrderRecord) => SqlValue]> = [
  ['order_no', (r) => r.orderNo],
  ['kind', (r) => r.kind],
  ['source', (r) => r.source],
  ['platform', (r) => r.platform],
  ['status', (r) => r.status],
  ['payment_status', (r) => r.paymentStatus],
  ['refund_status', (r) => r.refundStatus],
  ['locked', (r) => (r.locked ? 1 : 0)],
  ['lock_reason', (r) => r.lockReason],
  ['exception', (r) => r.exception],
  ['merchant_id', (r) => r.merchantId],
  ['merchant_name', (r) => r.merchantName],
  ['warehouse_id', (r) => r.warehouseId],
  ['store_id', (r) => r.storeId],
  ['dealer_id', (r) => r.dealerId],
  ['goods_total', (r) => r.amounts.goodsTotal],
  ['freight', (r) => r.amounts.freight],
  ['freight_insurance', (r) => r.amounts.freightInsurance],
  ['coupon_discount', (r) => r.amounts.couponDiscount],
  ['campaign_discount', (r) => r.amounts.campaignDiscount],
  ['member_discount', (r) => r.amounts.memberDiscount],
  ['member_benefit', (r) => r.amounts.memberBenefit],
  ['points_deduction', (r) => r.amounts.pointsDeduction],
  ['points_used', (r) => r.amounts.pointsUsed],
  ['coin_deduction', (r) => r.amounts.coinDeduction],
  ['payable', (r) => r.amounts.payable],
  ['paid', (r) => r.amounts.paid],
  ['remark', (r) => r.remark],
  ['created_at', (r) => r.createdAt],
  ['paid_at', (r) => r.paidAt],
  ['shipped_at', (r) => r.shippedAt],
  ['completed_at', (r) => r.completedAt],
  ['updated_at', (r) => r.updatedAt],
  ['receiver_name', (r) => r.receiver?.name ?? null],
  ['receiver_phone', (r) => r.receiver?.phone ?? null],
  ['receiver_province', (r) => r.receiver?.province ?? null],
  ['receiver_city', (r) => r.receiver?.city ?? null],
  ['item_summary', (r) => itemSummary(r.lines)],
  ['item_count', (r) => r.lines.reduce((n, l) => n + l.quantity, 0)],
  ['tracking_nos', (r) => trackingNos(r.waybills)],
];
