import type { ServiceConfig } from '../config';
import type { Limiters } from '../deps';
import type { Clock } from '../timers/clock';
import { WindowLimiter } from './rate-limit';

export function createLimiters(config: ServiceConfig, clock: Clock): Limiters {
  return {
    loginPerUsername: new WindowLimiter(config.login.perUsername, clock),
    loginPerIp: new WindowLimiter(config.login.perIp, clock),
  };
}
