import type { OrderRecord } from '../../shared/contract/records';
import { logisticsWatch } from '../../shared/domain/logistics-watch';

export type SqlValue = string | number | null;

const SUMMARY_MAX = 200;

/** What the list shows for the goods: "纯棉短袖T恤×2；保温杯×1", cut to fit a cell. */
export function itemSummary(lines: OrderRecord['lines']): string {
  let text = '';
  for (const l of lines) text += `${text ? '；' : ''}${l.name}×${l.quantity}`;
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text;
}

/** Space-separated: the list shows it as is, and trigram search never spans two numbers by accident. */
export function trackingNos(waybills: OrderRecord['waybills']): string {
  let text = '';
  for (const w of waybills) text += text ? ` ${w.trackingNo}` : w.trackingNo;
  return text;
}

/**
 * The orders columns ingest writes and, right below, their values in the same order. One place
 * drives both the INSERT and the UPDATE of ingest, so a new column cannot reach one path and miss
 * the other; the values are pushed without intermediate arrays because ingest runs this for
 * every order of a sync.
 */
export const ORDER_COLUMNS = [
  'order_no',
  'kind',
  'source',
  'platform',
  'status',
  'payment_status',
  'refund_status',
  'locked',
  'lock_reason',
  'exception',
  'merchant_id',
  'merchant_name',
  'warehouse_id',
  'store_id',
  'dealer_id',
  'goods_total',
  'freight',
  'freight_insurance',
  'coupon_discount',
  'campaign_discount',
  'member_discount',
  'member_benefit',
  'points_deduction',
  'points_used',
  'coin_deduction',
  'payable',
  'paid',
  'remark',
  'created_at',
  'paid_at',
  'shipped_at',
  'completed_at',
  'updated_at',
  'receiver_name',
  'receiver_phone',
  'receiver_province',
  'receiver_city',
  'item_summary',
  'item_count',
  'tracking_nos',
  'external',
  'shop_id',
  'external_order_no',
  'shipping_plan',
  'merge_id',
  'tracking_troubled',
  'tracking_quiet_since',
] as const;

export function pushOrderValues(out: SqlValue[], r: OrderRecord): void {
  const a = r.amounts;
  const rc = r.receiver;
  let itemCount = 0;
  for (const l of r.lines) itemCount += l.quantity;
  const watch = logisticsWatch(r);
  out.push(
    r.orderNo,
    r.kind,
    r.source,
    r.platform,
    r.status,
    r.paymentStatus,
    r.refundStatus,
    r.locked ? 1 : 0,
    r.lockReason,
    r.exception && JSON.stringify(r.exception),
    r.merchantId,
    r.merchantName,
    r.warehouseId,
    r.storeId,
    r.dealerId,
    a.goodsTotal,
    a.freight,
    a.freightInsurance,
    a.couponDiscount,
    a.campaignDiscount,
    a.memberDiscount,
    a.memberBenefit,
    a.pointsDeduction,
    a.pointsUsed,
    a.coinDeduction,
    a.payable,
    a.paid,
    r.remark,
    r.createdAt,
    r.paidAt,
    r.shippedAt,
    r.completedAt,
    r.updatedAt,
    rc?.name ?? null,
    rc?.phone ?? null,
    rc?.province ?? null,
    rc?.city ?? null,
    itemSummary(r.lines),
    itemCount,
    trackingNos(r.waybills),
    r.external && JSON.stringify(r.external),
    r.external?.shopId ?? null,
    r.external?.externalOrderNo ?? null,
    shippingPlan(r),
    r.merge?.id ?? null,
    watch.troubled ? 1 : 0,
    watch.quietSince,
  );
}

/** 拆单 / 合单 as the record carries them, or NULL for an order that ships the ordinary way. */
function shippingPlan(r: OrderRecord): string | null {
  if (!r.split && !r.merge) return null;
  return JSON.stringify({ ...(r.split ? { split: r.split } : {}), ...(r.merge ? { merge: r.merge } : {}) });
}
