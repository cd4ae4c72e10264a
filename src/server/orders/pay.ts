import type { OrderRecord } from '../../shared/contract/records';
import { formatFen } from '../../shared/domain/money';
import type { PaymentChannel } from '../../shared/domain/vocabulary';
import { issueCode } from '../redemption/codes';
import { act } from './act';
import type { WorkContext } from './context';
import { logged } from './persist';
import type { OrderState } from './state';

/**
 * Payment through the machine: a physical order waits for shipping, a virtual one is delivered
 * by the payment itself (待收货, confirmed by the buyer or the 24 h timer), a service order gets
 * its redemption code with as many uses as its items grant.
 */
export async function payOrder(
  ctx: WorkContext,
  state: OrderState,
  payment: { channel: PaymentChannel; serialNo: string | null },
): Promise<OrderState> {
  const paid = act(state, { type: 'PAY' });
  const record: OrderRecord = {
    ...paid.record,
    paidAt: ctx.now,
    payment,
    amounts: { ...paid.record.amounts, paid: paid.record.amounts.payable },
  };
  const serial = payment.serialNo ? `，流水号 ${payment.serialNo}` : `（${payment.channel}）`;
  let next = logged(
    ctx,
    { ...paid, record },
    'PAY',
    `支付成功 ${formatFen(record.amounts.payable, { symbol: true })}${serial}`,
  );
  if (record.kind === 'SERVICE') {
    const products = await ctx.tx.catalogue.products(record.lines.map((l) => l.sku));
    const uses = record.lines.reduce((n, l) => n + (products.get(l.sku)?.uses ?? 1) * l.quantity, 0);
    const redemptionCode = await issueCode(ctx, record, uses);
    next = logged(
      ctx,
      { ...next, record: { ...next.record, redemptionCode } },
      'ISSUE_CODE',
      `核销码已发放，可用 ${uses} 次`,
    );
  }
  if (record.kind === 'VIRTUAL') next = logged(ctx, next, 'DELIVER', '虚拟商品已自动发放');
  return next;
}
