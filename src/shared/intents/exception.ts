import type { OrderRecord } from '../contract/records';
import type { IntentPayload } from '../contract/sync';
import { accepted, refusal, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/**
 * Whether a person can close the exception by deciding it, or only the service can, by placing the
 * order again: an order held at intake (an unmapped SKU, stock short, amounts that do not add up) has
 * no warehouse, no store and no stock held yet, so it is released by mapping the SKU or waiving the
 * reason on the service, which re-runs the checks and places it (recheckHeld), never by clearing a flag.
 */
export const heldAtIntake = (
  record: Pick<OrderRecord, 'exception' | 'external' | 'warehouseId' | 'storeId'>,
): boolean =>
  record.exception !== null && record.external !== null && record.warehouseId === null && record.storeId === null;

/**
 * EXCEPTION_RESOLVE: a supervisor decides an exception no check can clear (a paid order the platform
 * cancelled, an expired code redeemed offline, an order rejected in 审单) and says how; the order
 * ships again, and its timeline keeps what was open and the decision.
 */
export function applyExceptionResolve(
  state: OrderState,
  payload: IntentPayload<'EXCEPTION_RESOLVE'>,
  ctx: ApplyContext,
): Applied {
  const open = state.record.exception;
  if (open === null) return refusal('NO_OPEN_EXCEPTION', `Order ${state.record.orderNo} has no open exception`);
  if (heldAtIntake(state.record))
    return refusal(
      'EXCEPTION_NEEDS_RELEASE',
      `Order ${state.record.orderNo} is released by the service once its cause is fixed`,
    );
  const was = open.reasons.map((reason) => reason.detail).join('；');
  const resolved = { ...state, record: { ...state.record, exception: null } };
  return accepted(logged(ctx, resolved, 'EXCEPTION_CLEARED', `异常已处理：${payload.note}（原因：${was}）`));
}
