import { describe, expect, it } from 'vitest';
import { columnsOf, insertOrder, insertParent, migratedTo } from './schema';

describe('migration 022_deadlines', () => {
  it('keeps each order’s next deadline and its kind, and refuses a kind the rule does not know', () => {
    const db = migratedTo(22);
    expect(columnsOf(db, 'orders')).toEqual(expect.arrayContaining(['due_at', 'due_kind']));
    insertParent(db);
    insertOrder(db, { due_at: 1_741_917_600_000, due_kind: 'AUTO_CONFIRM' });
    expect(() => db.prepare(`UPDATE orders SET due_kind = 'SOMEDAY'`).run()).toThrow(/CHECK/);
  });

  it('finds the orders due soonest through its partial index', () => {
    const plan = migratedTo(22)
      .prepare(`EXPLAIN QUERY PLAN SELECT order_no FROM orders WHERE due_at < 100 ORDER BY due_at`)
      .all();
    expect(JSON.stringify(plan)).toContain('orders_due');
  });
});
