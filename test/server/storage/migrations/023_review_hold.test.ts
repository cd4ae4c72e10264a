import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from './helpers';

describe('migration 023: review hold', () => {
  it('keeps the hold beside the scope columns, on orders and on the exits they leave behind', () => {
    const db = migratedTo(23);
    expect(columns(db, 'orders')).toEqual(expect.arrayContaining(['review_pending', 'review_held_at', 'buyer_id']));
    expect(columns(db, 'order_exits')).toContain('review_pending');
  });

  it('finds the holds whose wait is over, and a buyer’s earlier payments, through indexes', () => {
    const db = migratedTo(23);
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>).map((p) => p.detail).join(' ');
    expect(plan('SELECT order_no FROM orders WHERE review_pending = 1 AND review_held_at <= 5')).toMatch(
      /orders_review_held/,
    );
    expect(plan("SELECT 1 FROM orders WHERE buyer_id = 'U1' AND paid_at IS NOT NULL")).toMatch(/orders_buyer_paid/);
  });
});
