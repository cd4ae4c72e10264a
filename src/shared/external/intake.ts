import type { IntakeOrder } from '../contract/intake';
import type { PaymentChannel } from '../domain/vocabulary';
import type { ExternalOrder } from './order';

/**
 * A platform order (read by a connector, or grouped from an imported order report) in the intake
 * pipeline's shape: the platform's identity and own status word kept, lines with the platform's
 * ids so a write-back can name them, the platform's discounts as charged, and a refund the buyer
 * opened on the platform as a refund request (which intercepts shipping on the desk).
 */
export function toIntakeOrder(
  shopId: string,
  order: ExternalOrder,
  channel: PaymentChannel,
  refundReason: (lineId: string) => string | undefined = () => undefined,
): IntakeOrder {
  const status = order.status === 'PENDING_PAYMENT' ? 'UNPAID' : order.status === 'CANCELLED' ? 'CANCELLED' : 'PAID';
  const linesWith = (refund: 'OPEN' | 'REFUNDED') =>
    order.lines.flatMap((line, index) => (line.refund === refund ? [{ line: index, quantity: line.quantity }] : []));
  const open = linesWith('OPEN');
  const refunded = linesWith('REFUNDED');
  const reason =
    open.map(({ line }) => refundReason(order.lines[line]!.lineId)).find((r) => r !== undefined && r.trim() !== '') ??
    '平台退款申请';
  const refund =
    status === 'PAID' && open.length > 0
      ? { status: 'REQUESTED' as const, type: 'REFUND_ONLY' as const, reason, lines: open }
      : status === 'PAID' && refunded.length > 0
        ? { status: 'COMPLETED' as const, type: 'REFUND_ONLY' as const, reason: '平台退款成功', lines: refunded }
        : null;
  return {
    shopId,
    externalOrderNo: order.externalOrderNo,
    status,
    platformStatus: order.platformStatus.slice(0, 64),
    createdAt: order.createdAt,
    buyer: {
      id: order.buyer.id || order.buyer.account || order.externalOrderNo,
      account: order.buyer.account || order.buyer.id || order.externalOrderNo,
      level: '',
      name: order.buyer.name,
    },
    receiver: order.receiver,
    lines: order.lines.map((line) => ({
      platformLineId: line.lineId || undefined,
      platformItemId: line.itemId || undefined,
      platformSkuId: line.skuId || undefined,
      sku: line.outerSkuId || undefined,
      name: line.title,
      spec: line.spec,
      image: line.image,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
    })),
    amounts: {
      goods: order.goodsTotal,
      freight: order.freight,
      discounts: order.promotions.map((p) => ({ kind: p.kind, name: p.name, refId: p.refId, amount: p.amount })),
      paid: order.payable,
    },
    payment:
      status !== 'UNPAID' && order.paidAt !== null
        ? { channel, serialNo: order.paymentSerialNo, paidAt: order.paidAt }
        : null,
    buyerRemark: order.remark,
    invoice: null,
    refund,
  };
}
