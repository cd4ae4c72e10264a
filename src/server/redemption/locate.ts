import type { Caller } from '../auth/caller';
import { storedHit, storedRetryAfter } from '../auth/rate-limit';
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

const PER_CLERK = 'codes-per-clerk';
const PER_STORE = 'codes-per-store';

/**
 * A wrong code: refused, and counted against the clerk and the store by `countWrongCode` in the
 * unit that answers it, after the attempt that found it was rolled back (a count made inside the
 * attempt would be undone with it).
 */
export class WrongCodeError extends ApiError {
  constructor(
    code: 'CODE_NOT_FOUND' | 'CODE_OTHER_MERCHANT',
    message: string,
    readonly clerkId: string,
    readonly storeId: string,
  ) {
    super(code, message);
  }
}

export async function countWrongCode(deps: Deps, tx: Tx, error: WrongCodeError): Promise<void> {
  const { perClerk, perStore } = deps.config.codeAttempts;
  const now = deps.clock.now();
  await storedHit(tx, PER_CLERK, perClerk, error.clerkId, now);
  await storedHit(tx, PER_STORE, perStore, error.storeId, now);
}

/**
 * Finds a code for a store, counting wrong codes per clerk and per store in the store (every node
 * counts the same guesses): guessing 6 digits at a few dozen tries per window never pays off. A
 * code of another merchant counts as wrong too, otherwise guessing across merchants would be free.
 * While either limit is reached, even a right code is refused, or the limit would not stop a
 * guesser who hits one.
 */
export async function locateCode(deps: Deps, tx: Tx, caller: Caller, store: StoreRow, code: string): Promise<CodeRow> {
  const { perClerk, perStore } = deps.config.codeAttempts;
  const now = deps.clock.now();
  const wait = Math.max(
    await storedRetryAfter(tx, PER_CLERK, perClerk, caller.userId, now),
    await storedRetryAfter(tx, PER_STORE, perStore, store.id, now),
  );
  if (wait > 0) {
    throw new ApiError('CODE_ATTEMPTS_LIMITED', 'Too many wrong codes; try again later', { retryAfterMs: wait });
  }
  const rows = await tx.codes.find(code);
  const own = rows.find((row) => row.merchantId === store.merchantId);
  if (own) return own;
  if (rows.length > 0) {
    throw new WrongCodeError('CODE_OTHER_MERCHANT', 'This code belongs to another merchant', caller.userId, store.id);
  }
  throw new WrongCodeError('CODE_NOT_FOUND', 'No such code', caller.userId, store.id);
}
