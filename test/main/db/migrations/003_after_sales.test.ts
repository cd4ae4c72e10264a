import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, insertOrder, insertParent, migratedTo, tablesOf } from './schema';

describe('migration 003_after_sales', () => {
  const db = migratedTo(3);
  insertParent(db);
  insertOrder(db);
  const request = (type: string, status: string) =>
    db
      .prepare(
        `INSERT INTO after_sales (order_id, remote_id, after_sale_no, type, status, reason, amount, created_at, updated_at)
         VALUES (1, 'as-1', 'AS250601000001', ?, ?, '尺码不合适', 5900, 0, 0)`,
      )
      .run(type, status).lastInsertRowid;

  it('adds after-sale requests and the lines they cover', () => {
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['after_sales', 'after_sale_lines']));
    expect(columnsOf(db, 'after_sales')).toEqual(
      expect.arrayContaining(['after_sale_no', 'type', 'status', 'reason', 'amount', 'reject_reason']),
    );
    expect(indexesOf(db, 'after_sales')).toEqual(expect.arrayContaining(['after_sales_order', 'after_sales_status']));
  });

  it('knows the three kinds of request and their states only', () => {
    expect(request('RETURN_REFUND', 'AWAITING_RETURN')).toBeGreaterThan(0);
    expect(() => request('REPAIR', 'PENDING_REVIEW')).toThrow(/CHECK constraint failed/);
    expect(() => request('REFUND_ONLY', 'APPROVED')).toThrow(/CHECK constraint failed/);
  });

  it('drops the request lines with the request', () => {
    const id = request('EXCHANGE', 'PENDING_REVIEW');
    db.prepare('INSERT INTO after_sale_lines (after_sale_id, position, line_no, quantity) VALUES (?, 0, 1, 1)').run(id);
    db.prepare('DELETE FROM after_sales WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM after_sale_lines').get()).toEqual({ n: 0 });
  });
});
