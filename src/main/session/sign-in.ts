import type { LoginResponse } from '../../shared/contract/service';
import { ApiFailure } from '../ipc/failure';
import type { ServiceClient } from '../sync/service-client';
import { rememberAccount, unlockOffline, type UnlockedAccount } from './accounts';

export interface SignedIn {
  account: UnlockedAccount;
  /** null when signed in offline against the device's verifier. */
  login: LoginResponse | null;
}

/**
 * Online first; when the service cannot be reached, the last users of this device may sign in
 * against the verifier kept from their last online sign-in. A wrong password is never retried
 * offline: the service's "no" is final.
 */
export async function signIn(
  client: ServiceClient,
  userDir: string,
  username: string,
  password: string,
): Promise<SignedIn> {
  const online = await client.login(username, password);
  if (online.ok) return { account: rememberAccount(userDir, online.value.user, password), login: online.value };
  const { failure } = online;
  if (failure.kind === 'REJECTED') {
    if (failure.status === 429) throw new ApiFailure('RATE_LIMITED', 'Too many sign-in attempts; wait a minute');
    throw new ApiFailure('INVALID_CREDENTIALS', 'Wrong user name or password');
  }
  const offline = unlockOffline(userDir, password);
  if (offline === 'wrong') throw new ApiFailure('INVALID_CREDENTIALS', 'Wrong user name or password');
  if (offline !== 'unknown') return { account: offline, login: null };
  throw new ApiFailure(
    'SERVICE_UNREACHABLE',
    `The order service cannot be reached (${failure.message}); a first sign-in on this device needs it`,
  );
}

/** A sign-out does not wait for a slow network longer than this: the token is forgotten locally anyway. */
const LOGOUT_WAIT_MS = 3000;

/**
 * Revokes the token at the service, so a copy of it (a backup, a memory dump) opens nothing. Offline
 * it cannot; the token then dies at its expiry, and the desk forgets it either way.
 */
export async function endServiceSession(client: ServiceClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.logout(),
    new Promise((resolve) => (timer = setTimeout(resolve, LOGOUT_WAIT_MS))),
  ]).finally(() => clearTimeout(timer));
}
