import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from './helpers';

describe('migration 024: reports', () => {
  it('keeps who shipped what and when, and reads each report range through an index', () => {
    const db = migratedTo(24);
    expect(columns(db, 'shipments')).toEqual(['order_no', 'actor', 'warehouse_id', 'parcels', 'shipped_at']);
    expect(() =>
      db.prepare(`INSERT INTO shipments VALUES ('M1', 'warehouse:warehouse1', 'WH-SH', 0, 1)`).run(),
    ).toThrow(/CHECK/);
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>).map((p) => p.detail).join(' ');
    expect(plan('SELECT COUNT(*) FROM shipments WHERE shipped_at >= 1 AND shipped_at < 2')).toMatch(/shipments_time/);
    expect(plan('SELECT COUNT(*) FROM refunds WHERE refunded_at >= 1 AND refunded_at < 2')).toMatch(/refunds_time/);
    expect(plan('SELECT COUNT(*) FROM orders WHERE paid_at >= 1 AND paid_at < 2')).toMatch(/orders_paid/);
  });
});
