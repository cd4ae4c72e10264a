import { z } from 'zod';
import { parseChinaTime } from '../china-time';
import { spread, type ExternalLine, type ExternalPromotion } from '../../../shared/external/order';
import type { MapResult } from '../taobao/map';
import { refundOverlay } from '../taobao/statuses';
import { fenOfYuan } from './protocol';
import { PDD_REFUND_STATUS, pddOrderState } from './statuses';

/**
 * A 拼多多 order (pdd.order.information.get's order_info) → ExternalOrder. The three discounts
 * 拼多多 reports (店铺 seller_discount, 平台 platform_discount, 团长免单 capital_free_discount) become
 * promotion lines as charged; what the buyer paid is pay_amount.
 */

const money = z.number().transform((v, ctx) => {
  const fen = fenOfYuan(v);
  if (fen === null) ctx.addIssue({ code: 'custom', message: `not an amount: ${v}` });
  return fen ?? 0;
});
const optionalMoney = money.optional().default(0);
const time = z.string().transform((v, ctx) => {
  const at = parseChinaTime(v);
  if (at === null) ctx.addIssue({ code: 'custom', message: `not a time: ${v}` });
  return at ?? 0;
});
const optionalTime = z
  .string()
  .optional()
  .transform((v) => (v ? parseChinaTime(v) : null));
const text = z.string().optional().default('');
const id = z.union([z.string(), z.number().int()]).transform(String);

const info = z.object({
  order_sn: z.string().min(1),
  confirm_status: z.number().int(),
  order_status: z.number().int(),
  refund_status: z.number().int(),
  created_time: time,
  pay_time: optionalTime,
  updated_at: time,
  goods_amount: money,
  seller_discount: optionalMoney,
  platform_discount: optionalMoney,
  capital_free_discount: optionalMoney,
  postage: optionalMoney,
  pay_amount: money,
  pay_no: text,
  buyer_memo: text,
  receiver_name: text,
  receiver_phone: text,
  province: text,
  city: text,
  town: text,
  receiver_address: text,
  tracking_number: text,
  logistics_id: z.number().int().optional(),
  extra_delivery_list: z
    .array(z.object({ tracking_number: z.string() }))
    .optional()
    .default([]),
  item_list: z
    .array(
      z.object({
        goods_id: id,
        sku_id: id,
        outer_id: text,
        outer_goods_id: text,
        goods_name: z.string().min(1),
        goods_spec: text,
        goods_price: money,
        goods_count: z.number().int().min(1),
        goods_img: text,
      }),
    )
    .min(1),
});

export function mapPddOrder(raw: unknown): MapResult {
  const parsed = info.safeParse(raw);
  if (!parsed.success)
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const o = parsed.data;
  const state = pddOrderState(o.confirm_status, o.order_status, o.refund_status);
  if (!state) return { ok: false, reason: `unknown state ${o.confirm_status}/${o.order_status}/${o.refund_status}` };
  const refund = PDD_REFUND_STATUS[o.refund_status];
  if (!refund) return { ok: false, reason: `unknown refund status ${o.refund_status}` };
  const promotions: ExternalPromotion[] = [
    { kind: 'COUPON' as const, refId: 'seller_discount', name: '店铺优惠', amount: o.seller_discount },
    { kind: 'CAMPAIGN' as const, refId: 'platform_discount', name: '平台优惠', amount: o.platform_discount },
    { kind: 'CAMPAIGN' as const, refId: 'capital_free_discount', name: '团长免单', amount: o.capital_free_discount },
  ].filter((p) => p.amount > 0);
  const bases = o.item_list.map((i) => i.goods_price * i.goods_count);
  const shares = spread(
    promotions.reduce((s, p) => s + p.amount, 0),
    bases,
  );
  const lines: ExternalLine[] = o.item_list.map((item, i) => ({
    lineId: o.item_list.length === 1 ? o.order_sn : `${o.order_sn}-${i + 1}`,
    itemId: item.goods_id,
    skuId: item.sku_id,
    outerSkuId: item.outer_id || item.outer_goods_id,
    title: item.goods_name,
    spec: item.goods_spec,
    image: item.goods_img,
    unitPrice: item.goods_price,
    quantity: item.goods_count,
    discount: shares[i]!,
    payable: bases[i]! - shares[i]!,
    refund,
    refundId: null,
    shipped: o.tracking_number ? { company: String(o.logistics_id ?? ''), trackingNo: o.tracking_number } : null,
  }));
  return {
    ok: true,
    order: {
      externalOrderNo: o.order_sn,
      platformStatus: `confirm=${o.confirm_status} order=${o.order_status} refund=${o.refund_status}`,
      status: state.status,
      paymentStatus: state.payment,
      refundStatus: refundOverlay(lines.map((l) => l.refund)),
      createdAt: o.created_time,
      paidAt: o.pay_time,
      modifiedAt: o.updated_at,
      buyer: { id: o.order_sn, account: o.receiver_name || o.order_sn, name: '' },
      receiver:
        o.receiver_name && o.receiver_address
          ? {
              name: o.receiver_name,
              phone: o.receiver_phone,
              province: o.province,
              city: o.city,
              district: o.town,
              address: o.receiver_address,
              postcode: '',
            }
          : null,
      lines,
      freight: o.postage,
      promotions,
      goodsTotal: o.goods_amount,
      payable: o.pay_amount,
      paymentSerialNo: o.pay_no || null,
      remark: o.buyer_memo,
      trackingNos: [o.tracking_number, ...o.extra_delivery_list.map((d) => d.tracking_number)].filter((n) => n !== ''),
    },
  };
}
