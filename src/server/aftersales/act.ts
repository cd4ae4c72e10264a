import type { AfterSaleRecord } from '../../shared/contract/records';
import { applyAfterSale, orderEffectOfAfterSale, type AfterSaleAction } from '../../shared/domain/after-sale-machine';
import { ApiError } from '../http/errors';
import type { WorkContext } from '../orders/context';
import { factsOf, withFacts, type OrderState } from '../orders/state';

export interface AfterSaleStep {
  state: OrderState;
  request: AfterSaleRecord;
}

/**
 * Moves one request through the shared after-sale machine, then lets the shared effects table
 * decide what that does to the order (open 售后中, refund lines, close on a full refund). Both
 * refuse with their own codes; the service adds nothing to either decision.
 */
export function stepAfterSale(
  ctx: WorkContext,
  state: OrderState,
  afterSaleId: string,
  action: AfterSaleAction,
): AfterSaleStep {
  const { record } = state;
  const request = record.afterSales.find((a) => a.id === afterSaleId);
  if (!request) throw new ApiError('AFTER_SALE_NOT_FOUND', `No after-sale ${afterSaleId} on order ${record.orderNo}`);
  const moved = applyAfterSale({ type: request.type, status: request.status, orderLocked: record.locked }, action);
  if (!moved.ok)
    throw new ApiError(moved.code, `After-sale ${request.afterSaleNo} (${request.status}) refuses ${action.type}`);
  const status = moved.facts.status;
  const effect = orderEffectOfAfterSale(factsOf(state), { type: request.type, status, lines: request.lines });
  if (!effect.ok) throw new ApiError(effect.code, `Order ${record.orderNo} refuses after-sale ${action.type}`);
  const next = withFacts(state, effect.facts);
  const updated: AfterSaleRecord = {
    ...request,
    status,
    updatedAt: ctx.now,
    rejectReason: action.type === 'REJECT' ? action.reason : request.rejectReason,
  };
  return {
    request: updated,
    state: {
      ...next,
      record: { ...next.record, afterSales: next.record.afterSales.map((a) => (a.id === afterSaleId ? updated : a)) },
    },
  };
}
