import { describe, expect, it } from 'vitest';
import { columnsOf, migratedTo, tablesOf } from './schema';

describe('migration 015_label_block', () => {
  const db = migratedTo(15);

  it('keeps the desk’s reserved label numbers and its unanswered reservations', () => {
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['label_block', 'label_requests']));
    expect(columnsOf(db, 'label_block')).toEqual([
      'tracking_no',
      'carrier',
      'warehouse_id',
      'position',
      'state',
      'order_no',
      'taken_at',
      'void_reason',
      'void_sent',
    ]);
  });

  it('holds a number once, in one of three states', () => {
    const insert = db.prepare(
      `INSERT INTO label_block (tracking_no, carrier, warehouse_id, position, state) VALUES (?, 'SF', 'WH-SH', ?, ?)`,
    );
    insert.run('SF1400000000001', 1, 'FREE');
    expect(() => insert.run('SF1400000000001', 2, 'FREE')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('SF1400000000002', 2, 'RESERVED')).toThrow(/CHECK/);
  });
});
