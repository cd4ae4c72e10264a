import { describe, expect, it } from 'vitest';
import { migratedTo } from './helpers';

describe('migration 006: redemption codes and redemptions', () => {
  it('keeps a code unique among the live codes of its merchant, and free once it is retired', () => {
    const db = migratedTo(6);
    db.exec(`
      INSERT INTO orders (order_no, parent_no, kind, source, platform, status, payment_status, refund_status, locked,
        has_exception, merchant_id, created_at, payable, search_text, receipt_extended, seq, record)
      VALUES ('M01', 'M0', 'SERVICE', 'MALL', 'APP', 'PENDING_REDEMPTION', 'PAID', 'NONE', 0, 0, 'MCH-2001', 1, 0, '', 0, 1, '{}'),
             ('M02', 'M0', 'SERVICE', 'MALL', 'APP', 'PENDING_REDEMPTION', 'PAID', 'NONE', 0, 0, 'MCH-2001', 1, 0, '', 0, 2, '{}'),
             ('M03', 'M0', 'SERVICE', 'MALL', 'APP', 'PENDING_REDEMPTION', 'PAID', 'NONE', 0, 0, 'MCH-3001', 1, 0, '', 0, 3, '{}');
    `);
    const insert = db.prepare(
      `INSERT INTO redemption_codes (order_no, merchant_id, code, valid_from, valid_to, uses_total, uses_left, live, live_until)
       VALUES (?, ?, '701229', 0, 100, 1, 1, 1, 100) ON CONFLICT DO NOTHING RETURNING id`,
    );
    expect(insert.get('M01', 'MCH-2001')).toEqual({ id: 1 });
    expect(insert.get('M02', 'MCH-2001')).toBeUndefined();
    expect(insert.get('M03', 'MCH-3001')).toEqual({ id: 2 });
    db.prepare('UPDATE redemption_codes SET live = 0 WHERE id = 1').run();
    expect(insert.get('M02', 'MCH-2001')).toEqual({ id: 3 });
    expect(() => db.prepare('UPDATE redemption_codes SET uses_left = uses_left - 2 WHERE id = 3').run()).toThrow(
      /CHECK/,
    );
  });
});
