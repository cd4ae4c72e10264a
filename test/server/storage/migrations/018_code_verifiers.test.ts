import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/server/storage/migrations';
import { columns, migratedTo } from './helpers';

describe('migration 018: codes leave the order records', () => {
  it('takes every code out of the stored records and leaves the codes table to find them', () => {
    const db = migratedTo(17);
    const insert = db.prepare(`INSERT INTO orders (order_no, parent_no, kind, source, platform, status, payment_status,
      refund_status, locked, has_exception, merchant_id, created_at, payable, search_text, receipt_extended, seq, record)
      VALUES (?, ?, 'SERVICE', 'MALL', 'APP', 'PENDING_REDEMPTION', 'PAID', 'NONE', 0, 0, 'M01', 0, 0, '', 0, ?, ?)`);
    const code = { code: '482913', validFrom: 1, validTo: 2, usesTotal: 1, usesLeft: 1 };
    insert.run('S1', 'S1', 1, JSON.stringify({ orderNo: 'S1', redemptionCode: code }));
    insert.run('M1', 'M1', 2, JSON.stringify({ orderNo: 'M1', redemptionCode: null }));
    migrate(db, { to: 18 });
    const records = db.prepare('SELECT record FROM orders ORDER BY order_no').pluck().all() as string[];
    expect(records.join()).not.toContain('482913');
    expect(JSON.parse(records[1]!)).toEqual({
      orderNo: 'S1',
      redemptionCode: { verifier: null, validFrom: 1, validTo: 2, usesTotal: 1, usesLeft: 1 },
    });
    expect(JSON.parse(records[0]!)).toEqual({ orderNo: 'M1', redemptionCode: null });
    expect(columns(db, 'redemption_codes')).toContain('verifier');
  });
});
