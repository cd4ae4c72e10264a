import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/server/storage/migrations';
import { columns, migratedTo } from './helpers';

describe('migration 013: barcodes and the verification policy reach warehouse desks', () => {
  it('numbers item codes and warehouses after the current sequence, so synced desks pull them once', () => {
    const db = migratedTo(12);
    db.exec(`
      UPDATE sync_sequence SET value = 500;
      INSERT INTO merchants (id, name) VALUES ('MCH-0001', '官方自营');
      INSERT INTO warehouses (id, name, city) VALUES ('WH-SH', '上海仓', '上海市'), ('WH-GZ', '广州仓', '广州市');
      INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, campaign_id, seq)
        VALUES ('FZ00101', 'MCH-0001', 'T恤', '白色', '', 'PHYSICAL', 5900, 1, 1, NULL, 3),
               ('FZ00102', 'MCH-0001', 'T恤', '黑色', '', 'PHYSICAL', 5900, 1, 1, NULL, 7);
    `);
    migrate(db, { to: 13 });
    expect(columns(db, 'products')).toContain('barcode');
    expect(columns(db, 'warehouses')).toEqual(expect.arrayContaining(['require_verification', 'seq']));
    expect(db.prepare('SELECT sku, seq, code_seq AS codeSeq FROM products ORDER BY seq').all()).toEqual([
      { sku: 'FZ00101', seq: 3, codeSeq: 503 },
      { sku: 'FZ00102', seq: 7, codeSeq: 507 },
    ]);
    expect(db.prepare('SELECT id, seq, require_verification AS r FROM warehouses ORDER BY seq').all()).toEqual([
      { id: 'WH-GZ', seq: 508, r: 0 },
      { id: 'WH-SH', seq: 509, r: 0 },
    ]);
    expect(db.prepare('SELECT value FROM sync_sequence').get()).toEqual({ value: 509 });
  });

  it('lets one barcode name one item only', () => {
    const db = migratedTo(13);
    db.exec(`INSERT INTO merchants (id, name) VALUES ('MCH-0001', '官方自营')`);
    const insert = db.prepare(
      `INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, campaign_id, barcode, seq, code_seq)
       VALUES (?, 'MCH-0001', '保温杯', '', '', 'PHYSICAL', 8900, 1, 1, NULL, ?, ?, ?)`,
    );
    insert.run('JJ00101', '6923450000014', 1, 1);
    insert.run('JJ00102', null, 2, 2);
    insert.run('JJ00103', null, 3, 3);
    expect(() => insert.run('JJ00104', '6923450000014', 4, 4)).toThrow(/UNIQUE/);
  });
});
