import type { WindowLimiter } from './auth/rate-limit';
import type { SessionCache } from './auth/sessions';
import type { ServiceConfig } from './config';
import type { Store } from './storage/repositories';
import type { Clock } from './timers/clock';

export interface Limiters {
  loginPerUsername: WindowLimiter;
  loginPerIp: WindowLimiter;
}

/** What every capability works with: the store, the time, the configuration and the limits. */
export interface Deps {
  store: Store;
  clock: Clock;
  config: ServiceConfig;
  limiters: Limiters;
  sessions: SessionCache;
}
