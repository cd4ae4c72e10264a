import { describe, expect, it } from 'vitest';
import { nextDeadline, type DeadlineFacts } from '../../../src/shared/domain/deadlines';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.UTC(2025, 2, 14, 2);
const order = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  kind: 'PHYSICAL',
  status: 'PENDING_SHIPMENT',
  createdAt: T,
  paidAt: T + 60_000,
  shippedAt: null,
  completedAt: null,
  receiptExtended: false,
  waybills: [],
  ...over,
});

describe('an order’s next deadline', () => {
  it('counts down an unpaid order’s 30 minutes', () => {
    expect(nextDeadline(order({ status: 'PENDING_PAYMENT', paidAt: null }))).toEqual({
      kind: 'AUTO_CANCEL',
      at: T + 30 * 60_000,
    });
  });

  it('dates a shipped order’s auto-confirm by its slowest parcel, three days later once extended', () => {
    const shipped = order({
      status: 'PENDING_RECEIPT',
      shippedAt: T + DAY,
      waybills: [
        { carrier: 'SF', signedAt: null },
        { carrier: 'CHINA_POST', signedAt: null },
      ],
    });
    const express = order({
      status: 'PENDING_RECEIPT',
      shippedAt: T + DAY,
      waybills: [{ carrier: 'SF', signedAt: null }],
    });
    expect(nextDeadline(express)).toEqual({ kind: 'AUTO_CONFIRM', at: T + 11 * DAY });
    expect(nextDeadline({ ...express, receiptExtended: true })).toEqual({ kind: 'AUTO_CONFIRM', at: T + 14 * DAY });
    // China Post's surface mail takes 30 days: the order waits for it.
    expect(nextDeadline(shipped)).toEqual({ kind: 'AUTO_CONFIRM', at: T + 31 * DAY });
  });

  it('restarts the auto-confirm countdown from the last signature once every parcel is signed for', () => {
    const signed = order({ status: 'PENDING_RECEIPT', shippedAt: T, waybills: [{ carrier: 'SF', signedAt: T + DAY }] });
    expect(nextDeadline(signed)).toEqual({ kind: 'AUTO_CONFIRM', at: T + 8 * DAY });
  });

  it('ends a completed parcel order’s after-sales window 10 days on; nothing for the rest', () => {
    expect(nextDeadline(order({ status: 'COMPLETED', completedAt: T + 5 * DAY }))).toEqual({
      kind: 'AFTER_SALES_ENDS',
      at: T + 15 * DAY,
    });
    expect(nextDeadline(order({ kind: 'SERVICE', status: 'COMPLETED', completedAt: T }))).toBeNull();
    expect(nextDeadline(order({}))).toBeNull();
    expect(nextDeadline(order({ status: 'CLOSED' }))).toBeNull();
  });
});
