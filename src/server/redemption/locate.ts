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

/** While either limit is reached, even a right code is refused, or the limit would not stop a guesser who hits one. */
async function judgeLimits(deps: Deps, tx: Tx, caller: Caller, store: StoreRow): Promise<void> {
  const { perClerk, perStore } = deps.config.codeAttempts;
  const now = deps.clock.now();
  const wait = await storedRetryAfter(
    tx,
    [
      { bucket: PER_CLERK, limit: perClerk, key: caller.userId },
      { bucket: PER_STORE, limit: perStore, key: store.id },
    ],
    now,
  );
  if (wait > 0) {
    throw new ApiError('CODE_ATTEMPTS_LIMITED', 'Too many wrong codes; try again later', { retryAfterMs: wait });
  }
}

/** A code of another merchant counts as wrong too, otherwise guessing across merchants would be free. */
function ownCode(rows: CodeRow[], caller: Caller, store: StoreRow): CodeRow {
  const own = rows.find((row) => row.merchantId === store.merchantId);
  if (own) return own;
  if (rows.length > 0) {
    throw new WrongCodeError('CODE_OTHER_MERCHANT', 'This code belongs to another merchant', caller.userId, store.id);
  }
  throw new WrongCodeError('CODE_NOT_FOUND', 'No such code', caller.userId, store.id);
}

/**
 * Finds a code for a store (its row locked until the unit ends), counting wrong codes per clerk
 * and per store in the store (every node counts the same guesses): guessing 6 digits at a few
 * dozen tries per window never pays off. `admitted`: an earlier unit of the same request judged
 * the code with `admitCode`, so the limits are not looked at (nor locked) again.
 */
export async function locateCode(
  deps: Deps,
  tx: Tx,
  caller: Caller,
  store: StoreRow,
  code: string,
  admitted = false,
): Promise<CodeRow> {
  if (!admitted) await judgeLimits(deps, tx, caller, store);
  return ownCode(await tx.codes.find(code), caller, store);
}

/**
 * The limiter's judgement of a code typed at a counter, in a unit of its own before the unit that
 * previews or redeems it. On PostgreSQL the limits are locked per clerk and per store from the
 * check to a wrong code's count (two-nodes.test: 40 parallel guesses, 10 looked up); held to the
 * end of a whole redemption, those locks made every redemption at one store wait for the one
 * before to commit (about 290 a second on one node, docs/performance.md). Here they last for a few
 * statements, and the code's row is read without its lock, which a redemption of it may hold.
 * Answers the wrong code's refusal, already counted; throws when the limit is reached.
 */
export async function admitCode(
  deps: Deps,
  tx: Tx,
  caller: Caller,
  storeId: string,
  code: string,
): Promise<WrongCodeError | null> {
  const store = await counterStore(tx, caller, storeId);
  const rows = await tx.codes.find(code, { lock: false });
  // Last, as the locks are held from here to the end of the unit; the lookup is not answered
  // before the limits are judged.
  await judgeLimits(deps, tx, caller, store);
  try {
    ownCode(rows, caller, store);
    return null;
  } catch (error) {
    if (!(error instanceof WrongCodeError)) throw error;
    await countWrongCode(deps, tx, error);
    return error;
  }
}
