import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import type { Caller } from './caller';
import { DECOY_HASH_PROMISE, verifyPassword } from './passwords';
import { newToken } from './tokens';

export interface LoginAnswer {
  token: string;
  expiresAt: number;
  user: { id: string; username: string; displayName: string; role: Caller['role']; scope: Caller['scope'] };
}

/**
 * Failed attempts count against both the username (one account guessed from many places) and the
 * address (many accounts guessed from one place). While either is over its limit even the right
 * password is refused, or the limit would only slow guessing down instead of stopping it.
 */
export async function login(deps: Deps, username: string, password: string, ip: string): Promise<LoginAnswer> {
  const { limiters, store, clock, config } = deps;
  const userKey = username.normalize('NFKC').toLowerCase();
  const wait = Math.max(limiters.loginPerUsername.retryAfter(userKey), limiters.loginPerIp.retryAfter(ip));
  if (wait > 0) throw new ApiError('RATE_LIMITED', 'Too many failed sign-ins; try again later', { retryAfterMs: wait });

  const user = await store.unit((tx) => tx.users.byUsername(username));
  // The hash is checked even for an unknown user, so timing does not tell which usernames exist.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await DECOY_HASH_PROMISE));
  // Demo accounts have a published password: outside demo mode they do not exist. A disabled
  // account answers exactly like a wrong password, so a guesser learns nothing from it.
  if (!user || !matches || user.disabled || (user.demoOnly && !config.demo)) {
    limiters.loginPerUsername.fail(userKey);
    limiters.loginPerIp.fail(ip);
    throw new ApiError('INVALID_CREDENTIALS', 'Unknown username or wrong password');
  }
  limiters.loginPerUsername.reset(userKey);

  const { token, hash } = newToken();
  const now = clock.now();
  const expiresAt = now + config.tokenTtlMs;
  await store.unit(async (tx) => {
    await tx.tokens.purgeExpired(now);
    await tx.tokens.insert(hash, user.id, now, expiresAt);
  });
  const { id, displayName, role, scope } = user;
  return { token, expiresAt, user: { id, username: user.username, displayName, role, scope } };
}
