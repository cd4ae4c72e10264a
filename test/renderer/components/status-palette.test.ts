import { describe, expect, it } from 'vitest';
import {
  AFTER_SALE_STATUS_COLORS,
  ORDER_STATUS_COLORS,
  PAYMENT_STATUS_COLORS,
  REFUND_STATUS_COLORS,
} from '../../../src/renderer/components/status-palette';
import {
  AFTER_SALE_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
} from '../../../src/shared/domain/vocabulary';

describe('the status palette', () => {
  it('colours every status of every machine', () => {
    expect(Object.keys(ORDER_STATUS_COLORS).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(Object.keys(PAYMENT_STATUS_COLORS).sort()).toEqual([...PAYMENT_STATUSES].sort());
    expect(Object.keys(REFUND_STATUS_COLORS).sort()).toEqual([...REFUND_STATUSES].sort());
    expect(Object.keys(AFTER_SALE_STATUS_COLORS).sort()).toEqual([...AFTER_SALE_STATUSES].sort());
  });

  it('tells the order states a desk acts on apart at a glance', () => {
    const { PENDING_PAYMENT, PENDING_SHIPMENT, PENDING_RECEIPT, PENDING_REDEMPTION, COMPLETED } = ORDER_STATUS_COLORS;
    expect(new Set([PENDING_PAYMENT, PENDING_SHIPMENT, PENDING_RECEIPT, PENDING_REDEMPTION, COMPLETED]).size).toBe(5);
  });

  it('gives what waits for the desk the same colour in the order and the after-sale machines', () => {
    expect(AFTER_SALE_STATUS_COLORS.PENDING_REVIEW).toBe(ORDER_STATUS_COLORS.PENDING_SHIPMENT);
    expect(AFTER_SALE_STATUS_COLORS.SUCCEEDED).toBe(ORDER_STATUS_COLORS.COMPLETED);
  });
});
