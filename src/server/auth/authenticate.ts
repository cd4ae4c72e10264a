import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import type { Caller } from './caller';
import { hashToken } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,100})$/;

/** The stored form of the bearer token in `header`, or null when there is none. */
export function bearerHash(header: string | undefined): string | null {
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  return token ? hashToken(token) : null;
}

/** The caller behind `Authorization: Bearer <token>`; a missing, unknown or expired token is 401. */
export async function authenticate(deps: Deps, header: string | undefined): Promise<Caller> {
  const hash = bearerHash(header);
  if (!hash) throw new ApiError('UNAUTHENTICATED', 'Sign in first: Authorization: Bearer <token>');
  const now = deps.clock.now();
  const known = deps.sessions.get(hash, now);
  if (known) return known;
  const session = await deps.store.unit((tx) => tx.tokens.sessionFor(hash, now));
  // A demo account's session from a demo run ends with demo mode, like the account itself.
  if (!session || (session.user.demoOnly && !deps.config.demo)) {
    throw new ApiError('UNAUTHENTICATED', 'The session has expired or does not exist; sign in again');
  }
  const { user, expiresAt } = session;
  const caller: Caller = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope: user.scope,
  };
  deps.sessions.put(hash, caller, expiresAt, now);
  return caller;
}
