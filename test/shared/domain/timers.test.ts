import { describe, it, expect } from 'vitest';
import {
  afterSalesWindowEndsAt,
  autoConfirmAt,
  canUndoRedemption,
  DEFAULT_TIMERS,
  resolveTimerConfig,
  unpaidCancelAt,
  undoRedemptionRefusal,
} from '../../../src/shared/domain/timers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2024, 2, 14, 2, 0);

describe('the timer defaults of domain.md', () => {
  it('holds every rule of the table', () => {
    expect(DEFAULT_TIMERS).toEqual({
      unpaidCancelMs: 30 * MIN,
      autoConfirmMs: { EXPRESS: 10 * DAY, EMS: 10 * DAY, NO_LOGISTICS: 10 * DAY, SURFACE_MAIL: 30 * DAY },
      virtualAutoConfirmMs: 24 * HOUR,
      receiptExtensionMs: { PHYSICAL: 3 * DAY, VIRTUAL: 1 * DAY },
      afterSalesWindowMs: 10 * DAY,
      redemptionUndoMs: 1 * HOUR,
      signedConfirmMs: 7 * DAY,
    });
  });
});

describe('unpaidCancelAt', () => {
  it('cancels an unpaid order 30 minutes after it was made', () => {
    expect(unpaidCancelAt(t0)).toBe(t0 + 30 * MIN);
  });

  it('follows a server override', () => {
    expect(unpaidCancelAt(t0, resolveTimerConfig({ unpaidCancelMs: 15 * MIN }))).toBe(t0 + 15 * MIN);
  });
});

describe('autoConfirmAt', () => {
  const physical = { shippedAt: t0, kind: 'PHYSICAL' as const, extended: false };

  it('confirms express, EMS and hand-delivered parcels after 10 days', () => {
    for (const delivery of ['EXPRESS', 'EMS', 'NO_LOGISTICS'] as const) {
      expect(autoConfirmAt({ ...physical, delivery })).toBe(t0 + 10 * DAY);
    }
  });

  it('confirms surface mail after 30 days', () => {
    expect(autoConfirmAt({ ...physical, delivery: 'SURFACE_MAIL' })).toBe(t0 + 30 * DAY);
  });

  it('adds 3 days once the buyer extended a physical order', () => {
    expect(autoConfirmAt({ ...physical, delivery: 'EXPRESS', extended: true })).toBe(t0 + 13 * DAY);
  });

  it('confirms virtual goods 24 hours after delivery, 1 day more when extended', () => {
    const virtual = { shippedAt: t0, kind: 'VIRTUAL' as const, delivery: 'EXPRESS' as const };
    expect(autoConfirmAt({ ...virtual, extended: false })).toBe(t0 + 24 * HOUR);
    expect(autoConfirmAt({ ...virtual, extended: true })).toBe(t0 + 48 * HOUR);
  });

  it('confirms auto top-ups at payment', () => {
    expect(
      autoConfirmAt({ shippedAt: t0, kind: 'VIRTUAL', delivery: 'EXPRESS', extended: false, autoTopUp: true }),
    ).toBe(t0);
  });

  it('has no receipt timer for service orders, which complete by redemption', () => {
    expect(autoConfirmAt({ shippedAt: t0, kind: 'SERVICE', delivery: 'EXPRESS', extended: false })).toBeNull();
  });

  it('follows partial overrides and keeps the other defaults', () => {
    const cfg = resolveTimerConfig({
      autoConfirmMs: { SURFACE_MAIL: 20 * DAY },
      receiptExtensionMs: { VIRTUAL: 2 * DAY },
    });
    expect(autoConfirmAt({ ...physical, delivery: 'SURFACE_MAIL' }, cfg)).toBe(t0 + 20 * DAY);
    expect(autoConfirmAt({ ...physical, delivery: 'EXPRESS', extended: true }, cfg)).toBe(t0 + 13 * DAY);
    expect(autoConfirmAt({ shippedAt: t0, kind: 'VIRTUAL', delivery: 'EXPRESS', extended: true }, cfg)).toBe(
      t0 + 3 * DAY,
    );
  });
});

describe('afterSalesWindowEndsAt', () => {
  it('closes the after-sales window 10 days after completion', () => {
    expect(afterSalesWindowEndsAt(t0)).toBe(t0 + 10 * DAY);
  });
});

describe('canUndoRedemption', () => {
  it('lets a supervisor undo within the hour', () => {
    expect(canUndoRedemption(t0, t0)).toBe(true);
    expect(canUndoRedemption(t0, t0 + HOUR - 1)).toBe(true);
    expect(undoRedemptionRefusal(t0, t0 + 59 * MIN)).toBeNull();
  });

  it('refuses from exactly one hour on', () => {
    expect(canUndoRedemption(t0, t0 + HOUR)).toBe(false);
    expect(undoRedemptionRefusal(t0, t0 + 2 * HOUR)).toBe('UNDO_WINDOW_PASSED');
  });
});
