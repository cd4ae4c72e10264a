import type { CarrierDelivery } from './carriers';
import type { OrderKind } from './vocabulary';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How a physical order travels; NO_LOGISTICS is goods handed over without a carrier (送货上门). */
export type DeliveryMode = CarrierDelivery | 'NO_LOGISTICS';

export interface TimerConfig {
  unpaidCancelMs: number;
  autoConfirmMs: Record<DeliveryMode, number>;
  virtualAutoConfirmMs: number;
  receiptExtensionMs: { PHYSICAL: number; VIRTUAL: number };
  afterSalesWindowMs: number;
  redemptionUndoMs: number;
  /** Once every parcel is signed for (签收), the buyer has this long to confirm or complain. */
  signedConfirmMs: number;
}

/** domain.md "Timers". The server injects overrides (resolveTimerConfig) and its own clock. */
export const DEFAULT_TIMERS: TimerConfig = {
  unpaidCancelMs: 30 * MINUTE,
  autoConfirmMs: { EXPRESS: 10 * DAY, EMS: 10 * DAY, NO_LOGISTICS: 10 * DAY, SURFACE_MAIL: 30 * DAY },
  virtualAutoConfirmMs: 24 * HOUR,
  receiptExtensionMs: { PHYSICAL: 3 * DAY, VIRTUAL: 1 * DAY },
  afterSalesWindowMs: 10 * DAY,
  redemptionUndoMs: 1 * HOUR,
  signedConfirmMs: 7 * DAY,
};

export interface TimerOverrides extends Partial<Omit<TimerConfig, 'autoConfirmMs' | 'receiptExtensionMs'>> {
  autoConfirmMs?: Partial<TimerConfig['autoConfirmMs']>;
  receiptExtensionMs?: Partial<TimerConfig['receiptExtensionMs']>;
}

export function resolveTimerConfig(overrides: TimerOverrides = {}): TimerConfig {
  return {
    ...DEFAULT_TIMERS,
    ...overrides,
    autoConfirmMs: { ...DEFAULT_TIMERS.autoConfirmMs, ...overrides.autoConfirmMs },
    receiptExtensionMs: { ...DEFAULT_TIMERS.receiptExtensionMs, ...overrides.receiptExtensionMs },
  };
}

export function unpaidCancelAt(createdAt: number, cfg: TimerConfig = DEFAULT_TIMERS): number {
  return createdAt + cfg.unpaidCancelMs;
}

export interface AutoConfirmInput {
  /** For virtual goods: when they were delivered, which is the moment of payment. */
  shippedAt: number;
  delivery: DeliveryMode;
  kind: OrderKind;
  extended: boolean;
  /** Auto top-up virtual goods (话费充值) are confirmed at once, at payment. */
  autoTopUp?: boolean;
}

/** Service orders complete by redemption, never by a receipt timer, hence null. */
export function autoConfirmAt(input: AutoConfirmInput, cfg: TimerConfig = DEFAULT_TIMERS): number | null {
  const { shippedAt, delivery, kind, extended } = input;
  if (kind === 'SERVICE') return null;
  if (kind === 'VIRTUAL' && input.autoTopUp) return shippedAt;
  const base = kind === 'VIRTUAL' ? cfg.virtualAutoConfirmMs : cfg.autoConfirmMs[delivery];
  return shippedAt + base + (extended ? cfg.receiptExtensionMs[kind] : 0);
}

export function afterSalesWindowEndsAt(completedAt: number, cfg: TimerConfig = DEFAULT_TIMERS): number {
  return completedAt + cfg.afterSalesWindowMs;
}

/** The end is exclusive: at exactly one hour after redemption the undo is gone. */
export function canUndoRedemption(redeemedAt: number, now: number, cfg: TimerConfig = DEFAULT_TIMERS): boolean {
  return now < redeemedAt + cfg.redemptionUndoMs;
}

export function undoRedemptionRefusal(
  redeemedAt: number,
  now: number,
  cfg: TimerConfig = DEFAULT_TIMERS,
): 'UNDO_WINDOW_PASSED' | null {
  return canUndoRedemption(redeemedAt, now, cfg) ? null : 'UNDO_WINDOW_PASSED';
}
