import type { OrderAction } from '../../shared/domain/order-machine';
import { actOn } from '../../shared/intents/act';
import type { Applied, Refused } from '../../shared/intents/result';
import type { OrderState } from '../../shared/intents/state';
import { ApiError } from '../http/errors';

/**
 * The shared appliers' answer, the service's way: the order as the intent leaves it, or the
 * refusal thrown with the shared code (which also undoes whatever the unit wrote). The service
 * never decides a transition itself.
 */
export function applied(result: Applied): OrderState {
  if (result.ok) return result.state;
  throw refusalError(result);
}

/** A shared refusal as the service answers it: same code, message and field reasons. */
export function refusalError({ code, message, fieldErrors }: Refused): ApiError {
  return new ApiError(code, message ?? code, fieldErrors ? { fieldErrors } : {});
}

/** Runs an action through the shared order machine; a refusal is thrown with the machine's own code. */
export const act = (state: OrderState, action: OrderAction): OrderState => applied(actOn(state, action));
