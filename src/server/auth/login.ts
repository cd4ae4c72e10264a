import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { addressKey } from './address';
import type { Caller } from './caller';
import { claimAttempt } from './login-guard';
import { DECOY_HASH_PROMISE, verifyPassword } from './passwords';
import { newToken } from './tokens';

export interface LoginAnswer {
  token: string;
  expiresAt: number;
  user: { id: string; username: string; displayName: string; role: Caller['role']; scope: Caller['scope'] };
}

const rateLimited = (retryAfterMs: number) =>
  new ApiError('RATE_LIMITED', 'Too many sign-in attempts; try again later', { retryAfterMs });

/**
 * Every attempt is counted in the store before its password is checked (login-guard.ts), so a
 * burst of concurrent guesses is as many attempts as it has requests; the check's outcome then
 * settles the count: a wrong password stays counted, the right one forgives the account.
 */
export async function login(deps: Deps, username: string, password: string, ip: string): Promise<LoginAnswer> {
  const { store, clock, config, loginQueue } = deps;
  const userKey = username.normalize('NFKC').toLowerCase();
  const address = addressKey(ip);
  // One unit counts the attempt and reads the user, so a sign-in costs no more round trips than before.
  const { claim, known } = await store.unit(async (tx) => {
    const counted = await claimAttempt(tx, config.login, userKey, address, clock.now());
    return { claim: counted, known: counted.ok ? await tx.users.byUsername(username) : null };
  });
  if (!claim.ok) throw rateLimited(claim.retryAfterMs);

  const check = async () => {
    // The hash is checked even for an unknown user, so timing does not tell which usernames exist.
    const stored = known?.demoOnly && config.demoPasswordHash ? config.demoPasswordHash : known?.passwordHash;
    const matches = await verifyPassword(password, stored ?? (await DECOY_HASH_PROMISE));
    // Demo accounts have a published password: outside demo mode they do not exist. A disabled
    // account answers exactly like a wrong password, so a guesser learns nothing from it.
    return known && matches && !known.disabled && (!known.demoOnly || config.demo) ? known : null;
  };
  let user: Awaited<ReturnType<typeof check>> = null;
  try {
    user = claim.pauseMs > 0 ? await loginQueue.through(address, claim.pauseMs, check) : await check();
  } finally {
    if (!user) await store.unit((tx) => tx.loginAttempts.fail(claim.id));
  }
  if (!user) throw new ApiError('INVALID_CREDENTIALS', 'Unknown username or wrong password');

  const { token, hash } = newToken();
  const now = clock.now();
  const expiresAt = now + config.tokenTtlMs;
  const signedIn = user;
  await store.unit(async (tx) => {
    await tx.loginAttempts.forgive(userKey, claim.id);
    await tx.tokens.purgeExpired(now);
    await tx.tokens.insert(hash, signedIn.id, now, expiresAt);
  });
  const { id, displayName, role, scope } = signedIn;
  return { token, expiresAt, user: { id, username: signedIn.username, displayName, role, scope } };
}
