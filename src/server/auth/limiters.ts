import type { ServiceConfig } from '../config';
import type { Limiters } from '../deps';
import type { Clock } from '../timers/clock';
import { WindowLimiter } from './rate-limit';

export function createLimiters(config: ServiceConfig, clock: Clock): Limiters {
  return {
    codesPerClerk: new WindowLimiter(config.codeAttempts.perClerk, clock),
    codesPerStore: new WindowLimiter(config.codeAttempts.perStore, clock),
  };
}
