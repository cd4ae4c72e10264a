import { payRecord, type Payment } from '../../shared/intents/pay';
import type { OrderState } from '../../shared/intents/state';
import { logged } from '../../shared/intents/timeline';
import { grantCode } from '../redemption/codes';
import { reviewIfRuled } from '../review/hold';
import { applied } from './act';
import type { WorkContext } from './context';

/**
 * A just-paid service order gets its redemption code, with as many uses as its items grant. Only
 * the service can draw it (it alone knows which codes are live), and it does when the order is
 * saved (saveOrder → drawCode): the codes table refers to the order, which may not exist yet.
 */
export async function withServiceCode(ctx: WorkContext, state: OrderState): Promise<OrderState> {
  const { record } = state;
  if (record.kind !== 'SERVICE') return state;
  const products = await ctx.tx.catalogue.products(record.lines.map((l) => l.sku));
  const uses = record.lines.reduce((n, l) => n + (products.get(l.sku)?.uses ?? 1) * l.quantity, 0);
  const redemptionCode = grantCode(ctx, record, uses);
  return logged(
    ctx,
    { ...state, record: { ...record, redemptionCode } },
    'ISSUE_CODE',
    `核销码已发放，可用 ${uses} 次`,
  );
}

/**
 * Payment through the machine (the shared payRecord): a physical order waits for shipping (or for
 * review first, when the admin's rules say so), a virtual one is delivered by the payment itself,
 * a service order gets its redemption code.
 */
export async function payOrder(ctx: WorkContext, state: OrderState, payment: Payment): Promise<OrderState> {
  return reviewIfRuled(ctx, await withServiceCode(ctx, applied(payRecord(state, payment, ctx))));
}
