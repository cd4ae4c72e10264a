import { describe, expect, it } from 'vitest';
import { loadDemoOrders } from '../../../src/main/db/demo';
import { countByStatus } from '../../../src/main/db/orders-query';
import { storeWith } from '../../fixtures/db';
import { NOW } from '../../fixtures/orders';
import { ADMIN, deskOf } from '../../fixtures/scopes';

describe('loadDemoOrders', () => {
  it('fills a store with the requested number of demo orders, across several transactions', () => {
    const db = storeWith();
    expect(loadDemoOrders(db, { count: 12_345, seed: 1, now: NOW })).toBe(12_345);
    expect(countByStatus(db, ADMIN, {}).all).toBe(12_345);
    expect(
      countByStatus(db, deskOf('WH-SH'), { statuses: ['PENDING_SHIPMENT'] }).byStatus.PENDING_SHIPMENT,
    ).toBeGreaterThan(500);
  });

  it('loads the same orders again without duplicating them', () => {
    const db = storeWith();
    loadDemoOrders(db, { count: 500, seed: 2, now: NOW });
    loadDemoOrders(db, { count: 500, seed: 2, now: NOW });
    expect(countByStatus(db, ADMIN, {}).all).toBe(500);
  });
});
