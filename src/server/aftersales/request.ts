import type { AfterSaleRecord } from '../../shared/contract/records';
import { buyerAsks, type AfterSaleAsk } from '../../shared/intents/open-after-sale';
import { applied } from '../orders/act';
import type { WorkContext } from '../orders/context';
import { saveOrder, type LoadedOrder } from '../orders/persist';

/**
 * A buyer's after-sales request (the mall, the simulator): the shared opening decides, prices and
 * numbers it exactly as customer service's OPEN_AFTER_SALE does, in the service's own window.
 */
export async function requestAfterSale(
  ctx: WorkContext,
  { row, state }: LoadedOrder,
  ask: AfterSaleAsk,
): Promise<AfterSaleRecord> {
  const opened = buyerAsks(state, ask, { ...ctx, windowMs: ctx.config.timers.afterSalesWindowMs });
  await saveOrder(ctx, applied(opened), row);
  if (!opened.ok) throw new Error('unreachable: applied() threw the refusal');
  return opened.request;
}
