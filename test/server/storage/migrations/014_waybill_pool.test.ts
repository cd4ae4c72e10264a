import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from './helpers';

describe('migration 014: number pools for 电子面单', () => {
  it('keeps each number once with its state, desk and order', () => {
    const db = migratedTo(14);
    expect(columns(db, 'waybill_pool')).toEqual([
      'tracking_no',
      'carrier',
      'warehouse_id',
      'position',
      'state',
      'device_id',
      'reservation',
      'reserved_at',
      'order_no',
      'used_at',
      'void_reason',
      'voided_at',
    ]);
    db.exec(`INSERT INTO warehouses (id, name, city) VALUES ('WH-SH', '上海仓', '上海市')`);
    const insert = db.prepare(
      `INSERT INTO waybill_pool (tracking_no, carrier, warehouse_id, position, state) VALUES (?, 'SF', 'WH-SH', ?, ?)`,
    );
    insert.run('SF1400000000001', 1, 'FREE');
    expect(() => insert.run('SF1400000000001', 2, 'FREE')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('SF1400000000002', 2, 'LOST')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO waybill_pool (tracking_no, carrier, warehouse_id, position, state) VALUES ('SF1', 'SF', 'WH-XX', 3, 'FREE')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
