import type { OrderRecord } from '../../shared/contract/records';
import type { IntentPayload, IntentType } from '../../shared/contract/sync';
import type { Operation } from '../../shared/domain/rights';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import type { ApiError } from '../http/errors';
import type { WorkContext } from '../orders/context';

/** An intent being re-executed: who pushed it, from which registered device. */
export interface IntentContext extends WorkContext {
  deps: Deps;
  caller: Caller;
  intentId: string;
  deviceId: string;
  deviceCode: number;
  /** When the service last heard from the pushing device before this push, and its clock then. */
  deviceLastSync: { at: number; clockOffset: number } | null;
}

/**
 * How the service re-executes one intent type. `run` either returns the order as it now stands or
 * throws an ApiError with the refusal; the push undoes whatever a refused intent had written.
 */
export interface IntentHandler<T extends IntentType> {
  right: Operation;
  /** The order the intent is about, for logging and for the result's `order`. */
  orderNoOf(payload: IntentPayload<T>): string | null;
  run(ctx: IntentContext, payload: IntentPayload<T>): Promise<OrderRecord>;
  /**
   * Runs after a refusal was undone, in the same unit: for what must be kept even when refused.
   * Returns the order the refusal concerns when the payload could not name it (a redemption code),
   * so the answer can carry that order as the service holds it.
   */
  afterRefusal?(ctx: IntentContext, payload: IntentPayload<T>, error: ApiError): Promise<string | null>;
}

export type IntentHandlers = { [T in IntentType]: IntentHandler<T> };
