import type { OrderRecord } from '../contract/records';
import { formatFen } from '../domain/money';
import type { PaymentChannel } from '../domain/vocabulary';
import { actOn } from './act';
import { accepted, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

export interface Payment {
  channel: PaymentChannel;
  serialNo: string | null;
}

/**
 * Payment through the machine: a physical order waits for shipping, a virtual one is delivered by
 * the payment itself (待收货). A service order's redemption code is drawn by the service, which
 * alone knows which codes are free, so it is not part of this.
 */
export function payRecord(state: OrderState, payment: Payment, ctx: ApplyContext): Applied {
  const paid = actOn(state, { type: 'PAY' });
  if (!paid.ok) return paid;
  const record: OrderRecord = {
    ...paid.state.record,
    paidAt: ctx.now,
    payment,
    amounts: { ...paid.state.record.amounts, paid: paid.state.record.amounts.payable },
  };
  const serial = payment.serialNo ? `，流水号 ${payment.serialNo}` : `（${payment.channel}）`;
  const amount = formatFen(record.amounts.payable, { symbol: true });
  const next = logged(ctx, { ...paid.state, record }, 'PAY', `支付成功 ${amount}${serial}`);
  return accepted(record.kind === 'VIRTUAL' ? logged(ctx, next, 'DELIVER', '虚拟商品已自动发放') : next);
}
