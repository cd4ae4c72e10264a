import type { OrderRecord } from '../../shared/contract/records';
import { logged } from '../../shared/intents/timeline';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import type { WorkContext } from '../orders/context';
import { requireOrder, saveOrder } from '../orders/persist';
import { moveReservations } from '../orders/stock';
import { audit } from './audit';

/**
 * Moves an unshipped physical order to another warehouse (转仓), reservations and all. Its old
 * warehouse's desks then pull it as order_removed. Audited like every admin change.
 */
export function transferOrder(deps: Deps, caller: Caller, orderNo: string, warehouseId: string): Promise<OrderRecord> {
  return deps.store.unit(async (tx) => {
    const { row, state } = await requireOrder(tx, orderNo, caller.scope);
    const { record } = state;
    const untouched =
      record.kind === 'PHYSICAL' &&
      record.status === 'PENDING_SHIPMENT' &&
      record.lines.every((l) => l.shippedQuantity === 0);
    if (!untouched || record.warehouseId === warehouseId) {
      throw new ApiError('NOT_TRANSFERABLE', 'Only an unshipped 待发货 physical order can move to another warehouse');
    }
    if (!(await tx.places.warehouse(warehouseId)))
      throw new ApiError('NOT_TRANSFERABLE', `No warehouse ${warehouseId}`);
    const ctx: WorkContext = {
      tx,
      now: deps.clock.now(),
      config: deps.config,
      actor: actorLabel(caller),
      device: 'API',
    };
    await moveReservations(ctx, orderNo, warehouseId);
    const moved = { ...state, record: { ...record, warehouseId } };
    await audit(tx, { actor: ctx.actor, now: ctx.now }, 'order.transfer', `order:${orderNo}`, {
      from: record.warehouseId,
      to: warehouseId,
    });
    return saveOrder(ctx, logged(ctx, moved, 'TRANSFER', `转仓：${record.warehouseId ?? '-'} → ${warehouseId}`), row);
  });
}
