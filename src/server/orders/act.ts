import { apply, type OrderAction } from '../../shared/domain/order-machine';
import { ApiError } from '../http/errors';
import { factsOf, withFacts, type OrderState } from './state';

/**
 * Runs an action through the shared order machine and writes its verdict into the record. A
 * refusal is thrown with the machine's own code, so the service never decides a transition itself.
 */
export function act(state: OrderState, action: OrderAction): OrderState {
  const result = apply(factsOf(state), action);
  if (!result.ok) {
    throw new ApiError(result.code, `Order ${state.record.orderNo} (${state.record.status}) refuses ${action.type}`);
  }
  return withFacts(state, result.facts);
}
