import type { Fen } from '../domain/money';
import type { OrderStatus, PaymentStatus, PromotionKind, RefundStatus } from '../domain/vocabulary';

/** Where a line's refund stands on the platform: none, a request open, or refunded. */
export type LineRefund = 'NONE' | 'OPEN' | 'REFUNDED';

/**
 * One platform order as a connector read it (or an order report row group an import read), in our words but before intake: status tables
 * applied, money in fen, the platform's own discounts as promotion lines as charged. Each
 * platform's map.ts makes one, and so does an imported order report (imports/read-orders.ts); connectors/intake-sink.ts hands it to the intake pipeline.
 * The amounts add up by construction: goods − Σ promotions + freight = payable (checked by
 * `amountsAddUp`, and a trade that does not is refused as data, never guessed at).
 */
export interface ExternalLine {
  /** The platform's line id (TOP oid, 拼多多 order_sn for its single line). */
  lineId: string;
  itemId: string;
  skuId: string;
  /** 商家编码: the merchant's own code for the SKU, which maps to ours when no explicit mapping does. */
  outerSkuId: string;
  title: string;
  spec: string;
  image: string;
  unitPrice: Fen;
  quantity: number;
  /** The line's share of every discount, so the line could be refunded on its own. */
  discount: Fen;
  payable: Fen;
  refund: LineRefund;
  /** The platform's latest refund for this line, when there is one (needed to decide it). */
  refundId: string | null;
  /** Shipped on the platform already (by another tool), with what. */
  shipped: { company: string; trackingNo: string } | null;
}

export interface ExternalPromotion {
  kind: PromotionKind;
  refId: string;
  name: string;
  amount: Fen;
}

export interface ExternalOrder {
  externalOrderNo: string;
  /** The platform's own word for its state, as it said it. */
  platformStatus: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  refundStatus: RefundStatus;
  createdAt: number;
  paidAt: number | null;
  modifiedAt: number;
  buyer: { id: string; account: string; name: string };
  receiver: {
    name: string;
    phone: string;
    province: string;
    city: string;
    district: string;
    address: string;
    postcode: string;
  } | null;
  lines: ExternalLine[];
  freight: Fen;
  promotions: ExternalPromotion[];
  goodsTotal: Fen;
  payable: Fen;
  paymentSerialNo: string | null;
  remark: string;
  /** Every tracking number the platform already holds for the order (shipped by us or another tool). */
  trackingNos: string[];
}

export function amountsAddUp(order: ExternalOrder): boolean {
  const goods = order.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  const discounts = order.promotions.reduce((s, p) => s + p.amount, 0);
  const lineDiscounts = order.lines.reduce((s, l) => s + l.discount, 0);
  const linePayable = order.lines.reduce((s, l) => s + l.payable, 0);
  return (
    goods === order.goodsTotal &&
    goods - discounts + order.freight === order.payable &&
    lineDiscounts === discounts &&
    linePayable === goods - discounts
  );
}

/**
 * Spreads order-level discounts over lines in proportion to what each line still costs, the
 * remainder on the last line (domain.md "Amounts"), so lines add up to the order exactly.
 */
export function spread(total: Fen, bases: readonly Fen[]): Fen[] {
  const sum = bases.reduce((a, b) => a + b, 0);
  let given = 0;
  return bases.map((base, i) => {
    const share = i === bases.length - 1 ? total - given : sum === 0 ? 0 : Math.floor((total * base) / sum);
    given += share;
    return share;
  });
}
