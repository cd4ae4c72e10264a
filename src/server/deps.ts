import type { AddressQueue } from './auth/login-guard';
import type { SessionCache } from './auth/sessions';
import type { ServiceConfig } from './config';
import type { CodeVerifiers } from './redemption/verifier';
import type { Store } from './storage/repositories';
import type { Clock } from './timers/clock';

/**
 * What every capability works with: the store, the time and the configuration. Every limit
 * (sign-in attempts, wrong codes) is counted in the store, so several nodes share it.
 */
export interface Deps {
  store: Store;
  clock: Clock;
  config: ServiceConfig;
  /** Slowed sign-in checks wait here, one address at a time. */
  loginQueue: AddressQueue;
  sessions: SessionCache;
  /** Computes the verifiers of codes issued without one (redemption/verifier.ts). */
  codeVerifiers: CodeVerifiers;
}
