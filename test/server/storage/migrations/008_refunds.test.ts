import { describe, expect, it } from 'vitest';
import { migratedTo } from './helpers';

describe('migration 008: refunds', () => {
  it('records one refund per after-sale, by a known payment channel', () => {
    const db = migratedTo(8);
    db.exec(`INSERT INTO orders (order_no, parent_no, kind, source, platform, status, payment_status, refund_status, locked,
        has_exception, merchant_id, created_at, payable, search_text, receipt_extended, seq, record)
      VALUES ('M01', 'M0', 'PHYSICAL', 'MALL', 'APP', 'CLOSED', 'REFUNDED', 'REFUNDED', 0, 0, 'MCH-0001', 1, 0, '', 0, 1, '{}')`);
    const insert = db.prepare(
      `INSERT INTO refunds (id, order_no, after_sale_id, amount, channel, original_serial_no, refunded_at, refunded_by)
       VALUES (?, 'M01', ?, 4500, ?, '2025031422001234567890123456', 1, 'service:service1')`,
    );
    insert.run('RF1', 'AS1', 'ALIPAY');
    expect(() => insert.run('RF2', 'AS1', 'ALIPAY')).toThrow(/UNIQUE/);
    expect(() => insert.run('RF3', 'AS2', 'BITCOIN')).toThrow(/CHECK/);
  });
});
