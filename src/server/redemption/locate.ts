import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import type { CodeRow, StoreRow, Tx } from '../storage/repositories';

/** The counter where the clerk stands: it must be one of the caller's stores. */
export async function counterStore(tx: Tx, caller: Caller, storeId: string): Promise<StoreRow> {
  const store = await tx.places.store(storeId);
  const mine = caller.scope.all || caller.scope.storeIds.includes(storeId);
  if (!store || !mine) throw new ApiError('STORE_NOT_IN_SCOPE', `Store ${storeId} is not one of yours`);
  return store;
}

/**
 * Finds a code for a store, counting wrong codes per clerk and per store: guessing 6 digits at a
 * few dozen tries per window never pays off. A code of another merchant counts as wrong too,
 * otherwise guessing across merchants would be free. While either limit is reached, even a right
 * code is refused, or the limit would not stop a guesser who hits one.
 */
export async function locateCode(deps: Deps, tx: Tx, caller: Caller, store: StoreRow, code: string): Promise<CodeRow> {
  const { codesPerClerk, codesPerStore } = deps.limiters;
  const wait = Math.max(codesPerClerk.retryAfter(caller.userId), codesPerStore.retryAfter(store.id));
  if (wait > 0) {
    throw new ApiError('CODE_ATTEMPTS_LIMITED', 'Too many wrong codes; try again later', { retryAfterMs: wait });
  }
  const rows = await tx.codes.find(code);
  const own = rows.find((row) => row.merchantId === store.merchantId);
  if (own) return own;
  codesPerClerk.fail(caller.userId);
  codesPerStore.fail(store.id);
  if (rows.length > 0) throw new ApiError('CODE_OTHER_MERCHANT', 'This code belongs to another merchant');
  throw new ApiError('CODE_NOT_FOUND', 'No such code');
}
