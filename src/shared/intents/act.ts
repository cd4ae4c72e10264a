import { apply, type OrderAction } from '../domain/order-machine';
import { accepted, refusal, type Applied } from './result';
import { factsOf, withFacts, type OrderState } from './state';

/**
 * Runs an action through the shared order machine and writes its verdict into the record. A
 * refusal carries the machine's own code: nothing here decides a transition itself.
 */
export function actOn(state: OrderState, action: OrderAction): Applied {
  const result = apply(factsOf(state), action);
  if (!result.ok) {
    return refusal(result.code, `Order ${state.record.orderNo} (${state.record.status}) refuses ${action.type}`);
  }
  return accepted(withFacts(state, result.facts));
}
