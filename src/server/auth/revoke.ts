import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { bearerHash } from './authenticate';

/** Sign-out: the caller's own token stops working at once. */
export async function logout(deps: Deps, authorization: string | undefined): Promise<Record<string, never>> {
  const hash = bearerHash(authorization);
  if (!hash) throw new ApiError('UNAUTHENTICATED', 'Sign in first: Authorization: Bearer <token>');
  deps.sessions.forget(hash);
  await deps.store.unit((tx) => tx.tokens.revoke(hash));
  return {};
}

/**
 * Ends every session of a user (an admin's answer to a lost laptop or a person who left): their
 * tokens are deleted and forgotten by this node at once, by other nodes within SESSION_CACHE_MS.
 */
export async function revokeSessionsOf(deps: Pick<Deps, 'store' | 'sessions'>, userId: string): Promise<number> {
  deps.sessions.forgetUser(userId);
  return deps.store.unit((tx) => tx.tokens.revokeUser(userId));
}
