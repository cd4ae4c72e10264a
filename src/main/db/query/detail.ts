import type { OrderDetail } from '../../../shared/contract/orders';
import type {
  AfterSaleRecord,
  LineRecord,
  OrderRecord,
  RedemptionCodeRecord,
  ReviewRecord,
  WaybillRecord,
} from '../../../shared/contract/records';
import type { DataScope } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { detailParts } from '../detail-columns';
import { and } from './clause';
import { PENDING_SYNC_SQL } from '../outbox';
import { scopeClause } from './predicates';
import { prepareCached } from './statement-cache';

const HEAD_SQL = `
  SELECT o.id, o.order_no AS orderNo, p.parent_no AS parentNo, o.kind, o.source, o.platform, o.status,
         o.payment_status AS paymentStatus, o.refund_status AS refundStatus, o.locked, o.lock_reason AS lockReason,
         o.exception, o.external, o.review AS reviewJson, o.merchant_id AS merchantId, o.merchant_name AS merchantName,
         o.warehouse_id AS warehouseId,
         o.store_id AS storeId, o.dealer_id AS dealerId,
         p.buyer_id AS buyerId, p.buyer_account AS buyerAccount, p.buyer_level AS buyerLevel, p.buyer_name AS buyerName,
         o.goods_total AS goodsTotal, o.freight, o.freight_insurance AS freightInsurance,
         o.coupon_discount AS couponDiscount, o.campaign_discount AS campaignDiscount,
         o.member_discount AS memberDiscount, o.member_benefit AS memberBenefit,
         o.points_deduction AS pointsDeduction, o.points_used AS pointsUsed, o.coin_deduction AS coinDeduction,
         o.payable, o.paid, p.payment_channel AS paymentChannel, p.payment_serial_no AS paymentSerialNo,
         o.remark, o.created_at AS createdAt, o.paid_at AS paidAt, o.shipped_at AS shippedAt,
         o.completed_at AS completedAt, o.updated_at AS updatedAt, ${PENDING_SYNC_SQL} AS pendingSync,
         o.receiver_name AS receiverName, o.receiver_phone AS receiverPhone,
         o.receiver_province AS receiverProvince, o.receiver_city AS receiverCity, d.detail,
         o.shipping_plan AS shippingPlan
  FROM orders o CROSS JOIN parent_orders p ON p.id = o.parent_id JOIN order_details d ON d.order_id = o.id`;

type Head = Omit<
  OrderRecord,
  'buyer' | 'amounts' | 'payment' | 'locked' | 'exception' | 'external' | 'review' | ChildKey
> & {
  id: number;
  locked: number;
  /** JSON, as ingest stored them. */
  exception: string | null;
  external: string | null;
  reviewJson: string | null;
  buyerId: string;
  buyerAccount: string;
  buyerLevel: string;
  buyerName: string;
  paymentChannel: OrderRecord['payment']['channel'];
  paymentSerialNo: string | null;
  pendingSync: number;
  receiverName: string | null;
  receiverPhone: string | null;
  receiverProvince: string | null;
  receiverCity: string | null;
  detail: string;
  shippingPlan: string | null;
} & OrderRecord['amounts'];
type ChildKey =
  | 'split'
  | 'merge'
  | 'receiver'
  | 'lines'
  | 'promotions'
  | 'invoice'
  | 'waybills'
  | 'afterSales'
  | 'redemptionCode'
  | 'timeline';

/** Collections come back in the record's array order: by position or local id, both given in array order (lines: by line number). */
const CHILD_SQL = {
  lines: `SELECT line_no AS lineNo, merchant_id AS merchantId, sku, name, spec, image, unit_price AS unitPrice,
                 quantity, discount, payable, shipped_qty AS shippedQuantity, refunded_qty AS refundedQuantity
          FROM order_lines WHERE order_id = ? ORDER BY line_no`,
  waybills: `SELECT id AS localId, remote_id AS id, carrier, tracking_no AS trackingNo, shipped_at AS shippedAt, status,
                    signed_at AS signedAt, courier
             FROM waybills WHERE order_id = ? ORDER BY localId`,
  afterSales: `SELECT id AS localId, remote_id AS id, after_sale_no AS afterSaleNo, type, status, reason, amount,
                      created_at AS createdAt, updated_at AS updatedAt, reject_reason AS rejectReason,
                      return_shipment AS returnShipment
               FROM after_sales WHERE order_id = ? ORDER BY localId`,
  afterSaleLines: `SELECT al.after_sale_id AS parentId, al.line_no AS lineNo, al.quantity
                   FROM after_sales a JOIN after_sale_lines al ON al.after_sale_id = a.id
                   WHERE a.order_id = ? ORDER BY al.after_sale_id, al.position`,
  redemptionCode: `SELECT NULLIF(code, '') AS verifier, valid_from AS validFrom, valid_to AS validTo, uses_total AS usesTotal, uses_left AS usesLeft
                   FROM redemption_codes WHERE order_id = ?`,
} as const;

/**
 * The whole order as the detail view shows it: the record it was stored from, plus pendingSync.
 * Missing and out of scope both answer null, so a user cannot learn that an order number exists
 * outside their scope.
 */
export function getOrderDetail(db: Db, scope: DataScope, orderNo: string): OrderDetail | null {
  const where = and([{ sql: 'o.order_no = ?', params: [orderNo] }, scopeClause(scope)]);
  const head = prepareCached(db, `${HEAD_SQL} WHERE ${where.sql}`).get(...where.params) as Head | undefined;
  if (!head) return null;

  const id = head.id;
  const all = <T>(sql: string): T[] => prepareCached(db, sql).all(id) as T[];
  const one = <T>(sql: string): T | null => (prepareCached(db, sql).get(id) as T | undefined) ?? null;

  const afterSaleLines = groupBy(all<Child<{ lineNo: number; quantity: number }>>(CHILD_SQL.afterSaleLines));

  const {
    id: _id,
    locked,
    exception,
    external,
    reviewJson,
    buyerId,
    buyerAccount,
    buyerLevel,
    buyerName,
    paymentChannel,
    paymentSerialNo,
    goodsTotal,
    freight,
    freightInsurance,
    couponDiscount,
    campaignDiscount,
    memberDiscount,
    memberBenefit,
    pointsDeduction,
    pointsUsed,
    coinDeduction,
    payable,
    paid,
    receiverName,
    receiverPhone,
    receiverProvince,
    receiverCity,
    detail,
    shippingPlan,
    ...order
  } = head;
  const parts = detailParts(detail);
  return {
    ...order,
    ...(shippingPlan ? (JSON.parse(shippingPlan) as Pick<OrderRecord, 'split' | 'merge'>) : {}),
    locked: locked === 1,
    exception: exception === null ? null : (JSON.parse(exception) as OrderRecord['exception']),
    external: external === null ? null : (JSON.parse(external) as OrderRecord['external']),
    review: reviewJson === null ? null : (JSON.parse(reviewJson) as ReviewRecord),
    buyer: { id: buyerId, account: buyerAccount, level: buyerLevel, name: buyerName },
    amounts: {
      goodsTotal,
      freight,
      freightInsurance,
      couponDiscount,
      campaignDiscount,
      memberDiscount,
      memberBenefit,
      pointsDeduction,
      pointsUsed,
      coinDeduction,
      payable,
      paid,
    },
    payment: { channel: paymentChannel, serialNo: paymentSerialNo },
    receiver: parts.receiver({
      name: receiverName,
      phone: receiverPhone,
      province: receiverProvince,
      city: receiverCity,
    }),
    lines: all<LineRecord>(CHILD_SQL.lines),
    promotions: parts.promotions,
    invoice: parts.invoice,
    waybills: all<Local<Omit<WaybillRecord, 'lines' | 'events'>>>(CHILD_SQL.waybills).map(
      ({ localId: _id, ...w }, i) => ({
        ...w,
        ...parts.parcel(i),
      }),
    ),
    afterSales: all<Local<Omit<AfterSaleRecord, 'lines' | 'returnShipment'> & { returnShipment: string | null }>>(
      CHILD_SQL.afterSales,
    ).map(({ localId, returnShipment, ...a }) => ({
      ...a,
      lines: afterSaleLines.get(localId) ?? [],
      ...(returnShipment === null
        ? {}
        : { returnShipment: JSON.parse(returnShipment) as AfterSaleRecord['returnShipment'] }),
    })),
    redemptionCode: one<RedemptionCodeRecord>(CHILD_SQL.redemptionCode),
    timeline: parts.timeline,
  };
}

type Local<T> = T & { localId: number };
type Child<T> = T & { parentId: number };

function groupBy<T>(rows: Array<Child<T>>): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const { parentId, ...rest } of rows) {
    const item = rest as T;
    const group = groups.get(parentId);
    if (group) group.push(item);
    else groups.set(parentId, [item]);
  }
  return groups;
}
