import { z } from 'zod';
import { yuanToFen } from '../../../shared/domain/money';
import type { PromotionKind } from '../../../shared/domain/vocabulary';
import { parseChinaTime } from '../china-time';
import { spread, type ExternalLine, type ExternalOrder, type ExternalPromotion } from '../../../shared/external/order';
import { refundOverlay, TOP_REFUND_STATUS, TOP_TRADE_STATUS } from './statuses';

/**
 * A TOP trade (taobao.trade.fullinfo.get) → ExternalOrder. Every field read is checked: a trade
 * with a missing number or an unknown status is refused with the reason (a platform answer is
 * input like any other), never half-mapped.
 */

/** The fields the connector asks fullinfo for. */
export const TRADE_FIELDS = [
  'tid',
  'tid_str',
  'status',
  'created',
  'modified',
  'pay_time',
  'buyer_nick',
  'buyer_open_uid',
  'buyer_message',
  'total_fee',
  'post_fee',
  'discount_fee',
  'adjust_fee',
  'payment',
  'alipay_no',
  'receiver_name',
  'receiver_mobile',
  'receiver_phone',
  'receiver_state',
  'receiver_city',
  'receiver_district',
  'receiver_address',
  'receiver_zip',
  'orders',
  'promotion_details',
].join(',');

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const text = z.string().optional().default('');
const money = z
  .string()
  .optional()
  .default('0.00')
  .transform((v, ctx) => {
    const fen = yuanToFen(v);
    if (fen === null) ctx.addIssue({ code: 'custom', message: `not an amount: ${v}` });
    return fen ?? 0;
  });
const time = z.string().transform((v, ctx) => {
  const at = parseChinaTime(v);
  if (at === null) ctx.addIssue({ code: 'custom', message: `not a time: ${v}` });
  return at ?? 0;
});

const subOrder = z.object({
  oid: id,
  oid_str: z.string().optional(),
  num_iid: id,
  sku_id: id.optional(),
  outer_sku_id: text,
  outer_iid: text,
  title: z.string().min(1),
  sku_properties_name: text,
  pic_path: text,
  price: money,
  num: z.number().int().min(1),
  refund_status: z.string().optional().default('NO_REFUND'),
  refund_id: id.optional(),
  invoice_no: text,
  logistics_company: text,
});

const trade = z.object({
  tid: id,
  tid_str: z.string().optional(),
  status: z.string().min(1),
  created: time,
  modified: time,
  pay_time: time.optional(),
  buyer_nick: text,
  buyer_open_uid: text,
  buyer_message: text,
  total_fee: money,
  post_fee: money,
  discount_fee: money,
  payment: money,
  alipay_no: z.string().optional(),
  receiver_name: text,
  receiver_mobile: text,
  receiver_phone: text,
  receiver_state: text,
  receiver_city: text,
  receiver_district: text,
  receiver_address: text,
  receiver_zip: text,
  orders: z.object({ order: z.array(subOrder).min(1) }),
  promotion_details: z
    .object({
      promotion_detail: z.array(z.object({ id: id, promotion_name: text, promotion_id: text, discount_fee: money })),
    })
    .optional(),
});

export type MapResult = { ok: true; order: ExternalOrder } | { ok: false; reason: string };

/** A shop coupon is a coupon; every other platform promotion (限时打折, 满减, 满就送) a campaign. */
function promotionKind(promotionId: string, name: string): PromotionKind {
  return /^shopbonus|coupon/i.test(promotionId) || name.includes('券') ? 'COUPON' : 'CAMPAIGN';
}

export function mapTopTrade(raw: unknown): MapResult {
  const parsed = trade.safeParse(raw);
  if (!parsed.success)
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const t = parsed.data;
  const state = TOP_TRADE_STATUS[t.status];
  if (!state) return { ok: false, reason: `unknown trade status ${t.status}` };
  const tid = t.tid_str ?? t.tid;
  const subs = t.orders.order;
  const refunds = subs.map((s) => TOP_REFUND_STATUS[s.refund_status]);
  if (refunds.some((r) => r === undefined)) return { ok: false, reason: 'unknown refund status' };

  const details = t.promotion_details?.promotion_detail ?? [];
  const promotions: ExternalPromotion[] = details
    .filter((d) => d.discount_fee > 0)
    .map((d) => ({
      kind: promotionKind(d.promotion_id, d.promotion_name),
      refId: d.promotion_id || d.id,
      name: d.promotion_name || '平台优惠',
      amount: d.discount_fee,
    }));
  // A discount on one sub-order belongs to that line; the rest (shop coupons, 满减) is spread.
  const ownDiscount = subs.map((s) =>
    details.filter((d) => d.id === (s.oid_str ?? s.oid)).reduce((sum, d) => sum + d.discount_fee, 0),
  );
  const orderLevel = details.filter((d) => d.id === tid).reduce((sum, d) => sum + d.discount_fee, 0);
  const bases = subs.map((s, i) => s.price * s.num - ownDiscount[i]!);
  const shares = spread(orderLevel, bases);

  const lines: ExternalLine[] = subs.map((s, i) => {
    const discount = ownDiscount[i]! + shares[i]!;
    return {
      lineId: s.oid_str ?? s.oid,
      itemId: s.num_iid,
      skuId: s.sku_id ?? '',
      outerSkuId: s.outer_sku_id || s.outer_iid,
      title: s.title,
      spec: s.sku_properties_name,
      image: s.pic_path,
      unitPrice: s.price,
      quantity: s.num,
      discount,
      payable: s.price * s.num - discount,
      refund: refunds[i]!,
      refundId: s.refund_id ?? null,
      shipped: s.invoice_no ? { company: s.logistics_company, trackingNo: s.invoice_no } : null,
    };
  });
  const receiver =
    t.receiver_name && t.receiver_address
      ? {
          name: t.receiver_name,
          phone: t.receiver_mobile || t.receiver_phone,
          province: t.receiver_state,
          city: t.receiver_city || t.receiver_district,
          district: t.receiver_city ? t.receiver_district : '',
          address: t.receiver_address,
          postcode: t.receiver_zip,
        }
      : null;
  return {
    ok: true,
    order: {
      externalOrderNo: tid,
      platformStatus: t.status,
      status: state.status,
      paymentStatus: state.payment,
      refundStatus: refundOverlay(lines.map((l) => l.refund)),
      createdAt: t.created,
      paidAt: t.pay_time ?? null,
      modifiedAt: t.modified,
      buyer: { id: t.buyer_open_uid || t.buyer_nick, account: t.buyer_nick || t.buyer_open_uid, name: '' },
      receiver,
      lines,
      freight: t.post_fee,
      promotions,
      goodsTotal: t.total_fee,
      payable: t.payment,
      paymentSerialNo: t.alipay_no ?? null,
      remark: t.buyer_message,
      trackingNos: [...new Set(subs.map((s) => s.invoice_no).filter((n) => n !== ''))],
    },
  };
}
