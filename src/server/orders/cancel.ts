import type { OrderRecord } from '../../shared/contract/records';
import type { Applied } from '../../shared/intents/result';
import type { OrderRow } from '../storage/repositories';
import { applied } from './act';
import type { WorkContext } from './context';
import { saveOrder } from './persist';
import { releaseAll } from './stock';

/**
 * Staff, the buyer and the unpaid timer cancel the same way (the shared cancelRecord decides):
 * the order's reserved stock comes back and the cancelled order is saved.
 */
export async function saveCancelled(ctx: WorkContext, row: OrderRow, cancelled: Applied): Promise<OrderRecord> {
  const next = applied(cancelled);
  await releaseAll(ctx, row.orderNo);
  return saveOrder(ctx, next, row);
}
