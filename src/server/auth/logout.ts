import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { bearerHash } from './authenticate';

/**
 * Sign-out: the caller's own token stops working at once on this node (others re-read it within
 * SESSION_RECHECK_MS). The user's other sessions go on; an admin ends all of them (users revoke).
 */
export async function logout(deps: Deps, authorization: string | undefined): Promise<Record<string, never>> {
  const hash = bearerHash(authorization);
  if (!hash) throw new ApiError('UNAUTHENTICATED', 'Sign in first: Authorization: Bearer <token>');
  deps.sessions.forget(hash);
  await deps.store.unit((tx) => tx.tokens.revoke(hash));
  return {};
}
