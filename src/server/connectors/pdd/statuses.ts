import type { OrderStatus, PaymentStatus } from '../../../shared/domain/vocabulary';
import type { LineRefund } from '../../../shared/external/order';

/**
 * 拼多多 order states → ours. An order is described by three numbers (PDD-SDK-NET models, see
 * docs/connectors.md): confirm_status (0 未成交, 1 已成交, 2 已取消), order_status (1 待发货,
 * 2 已发货待签收, 3 已签收) and refund_status (1 无售后或售后关闭, 2 售后处理中, 3 退款中, 4 退款成功).
 */
export const PDD_CONFIRM_STATUS: Record<number, { status: OrderStatus; payment: PaymentStatus } | 'BY_ORDER_STATUS'> = {
  // 未成交: a group buy not yet formed (or not paid); nothing may ship.
  0: { status: 'PENDING_PAYMENT', payment: 'UNPAID' },
  1: 'BY_ORDER_STATUS',
  2: { status: 'CANCELLED', payment: 'UNPAID' },
};

export const PDD_ORDER_STATUS: Record<number, { status: OrderStatus; payment: PaymentStatus }> = {
  1: { status: 'PENDING_SHIPMENT', payment: 'PAID' },
  2: { status: 'PENDING_RECEIPT', payment: 'PAID' },
  3: { status: 'COMPLETED', payment: 'PAID' },
};

export const PDD_REFUND_STATUS: Record<number, LineRefund> = {
  1: 'NONE',
  2: 'OPEN',
  3: 'OPEN',
  4: 'REFUNDED',
};

/** Where a 拼多多 order stands; a fully refunded order is closed whatever its shipping state. */
export function pddOrderState(
  confirmStatus: number,
  orderStatus: number,
  refundStatus: number,
): { status: OrderStatus; payment: PaymentStatus } | null {
  if (refundStatus === 4 && confirmStatus === 1) return { status: 'CLOSED', payment: 'REFUNDED' };
  const byConfirm = PDD_CONFIRM_STATUS[confirmStatus];
  if (byConfirm === undefined) return null;
  return byConfirm === 'BY_ORDER_STATUS' ? (PDD_ORDER_STATUS[orderStatus] ?? null) : byConfirm;
}
