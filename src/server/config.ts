import { resolveTimerConfig, type TimerConfig, type TimerOverrides } from '../shared/domain/timers';

/** The demo company's tracking aggregator secret (documented in docs/api.md); never used outside demo mode. */
export const DEMO_LOGISTICS_SECRET = 'demo-logistics-secret';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface WindowLimit {
  /** Failures allowed within the window; the next one is refused until the oldest ages out. */
  limit: number;
  windowMs: number;
}

export interface LoginLimits {
  /** Attempts at one account (checked or not) per window; beyond them even the right password waits. */
  perUsername: WindowLimit;
  /** Password checks from one address per window before that address is slowed down (never refused). */
  perIp: WindowLimit;
  /** Password checks of one account running at once; more are refused and still counted. */
  inFlightPerUsername: number;
  /** A slowed address waits stepMs, doubling per further check, at most maxMs, one check at a time. */
  slowdown: { stepMs: number; maxMs: number };
}

export interface ServiceConfig {
  demo: boolean;
  /** When set, demo users sign in with this run's password (its hash) instead of the published one. */
  demoPasswordHash: string | null;
  tokenTtlMs: number;
  login: LoginLimits;
  /** Wrong redemption codes: a 6-digit space is searched in ~10^6 tries, so a few dozen per window is nothing. */
  codeAttempts: { perClerk: WindowLimit; perStore: WindowLimit };
  codeLength: number;
  codeValidityMs: number;
  /**
   * scrypt cost of a code's verifier: what a desk pays to look a typed code up offline, and what
   * anyone holding a verifier pays per guess (docs/decisions.md has the figures).
   */
  codeVerifierCost: { N: number; r: number; p: number };
  timers: TimerConfig;
  pull: { defaultLimit: number; maxLimit: number };
  /** Write-back delivery: attempts before an event is dead, backoff between them, a receiver's time. */
  outbound: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; timeoutMs: number };
  /** Shared secret of the carrier-events webhook (POST /v1/logistics/events); null: the webhook is off. */
  logisticsSecret: string | null;
}

export interface ConfigOverrides {
  demo?: boolean;
  demoPasswordHash?: string | null;
  tokenTtlMs?: number;
  login?: Partial<ServiceConfig['login']>;
  codeAttempts?: Partial<ServiceConfig['codeAttempts']>;
  codeLength?: number;
  codeValidityMs?: number;
  codeVerifierCost?: ServiceConfig['codeVerifierCost'];
  timers?: TimerOverrides;
  outbound?: Partial<ServiceConfig['outbound']>;
  logisticsSecret?: string | null;
}

export function resolveConfig(overrides: ConfigOverrides = {}): ServiceConfig {
  return {
    // The demo company's aggregator signs with a known secret, so the webhook can be tried at once.
    logisticsSecret:
      overrides.logisticsSecret !== undefined
        ? overrides.logisticsSecret
        : (process.env['LOGISTICS_WEBHOOK_SECRET'] ?? (overrides.demo ? DEMO_LOGISTICS_SECRET : null)),
    demo: overrides.demo ?? false,
    demoPasswordHash: overrides.demoPasswordHash ?? null,
    tokenTtlMs: overrides.tokenTtlMs ?? 12 * HOUR,
    login: {
      perUsername: { limit: 5, windowMs: 15 * MINUTE },
      perIp: { limit: 30, windowMs: 15 * MINUTE },
      inFlightPerUsername: 2,
      slowdown: { stepMs: 1000, maxMs: 30_000 },
      ...overrides.login,
    },
    codeAttempts: {
      perClerk: { limit: 10, windowMs: 10 * MINUTE },
      perStore: { limit: 30, windowMs: 10 * MINUTE },
      ...overrides.codeAttempts,
    },
    codeLength: overrides.codeLength ?? 6,
    codeValidityMs: overrides.codeValidityMs ?? 90 * DAY,
    codeVerifierCost: overrides.codeVerifierCost ?? { N: 2 ** 15, r: 8, p: 1 },
    timers: resolveTimerConfig(overrides.timers),
    pull: { defaultLimit: 500, maxLimit: 5000 },
    outbound: { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: HOUR, timeoutMs: 10_000, ...overrides.outbound },
  };
}
