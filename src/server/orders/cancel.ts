import type { OrderRecord } from '../../shared/contract/records';
import { act } from './act';
import type { WorkContext } from './context';
import { logged, saveOrder, type LoadedOrder } from './persist';
import { releaseAll } from './stock';

/** Staff, the buyer and the unpaid timer cancel the same way: the machine decides, stock comes back. */
export async function cancelOrder(ctx: WorkContext, { row, state }: LoadedOrder, reason: string): Promise<OrderRecord> {
  const next = logged(ctx, act(state, { type: 'CANCEL' }), 'CANCEL', reason);
  await releaseAll(ctx, row.orderNo);
  return saveOrder(ctx, next, row);
}
