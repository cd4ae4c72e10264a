import type { AddressQueue } from './auth/login-guard';
import type { WindowLimiter } from './auth/rate-limit';
import type { SessionCache } from './auth/sessions';
import type { ServiceConfig } from './config';
import type { CodeVerifiers } from './redemption/verifier';
import type { Store } from './storage/repositories';
import type { Clock } from './timers/clock';

export interface Limiters {
  codesPerClerk: WindowLimiter;
  codesPerStore: WindowLimiter;
}

/** What every capability works with: the store, the time, the configuration and the limits. */
export interface Deps {
  store: Store;
  clock: Clock;
  config: ServiceConfig;
  limiters: Limiters;
  /** Slowed sign-in checks wait here, one address at a time. */
  loginQueue: AddressQueue;
  sessions: SessionCache;
  /** Computes the verifiers of codes issued without one (redemption/verifier.ts). */
  codeVerifiers: CodeVerifiers;
}
