import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, insertOrder, insertParent, migratedTo, tablesOf } from './schema';

describe('migration 004_redemption', () => {
  const db = migratedTo(4);
  insertParent(db);
  insertOrder(db, { kind: 'SERVICE', status: 'PENDING_REDEMPTION', store_id: 'ST-01' });
  const code = (usesLeft: number) =>
    db
      .prepare(
        'INSERT INTO redemption_codes (order_id, code, valid_from, valid_to, uses_total, uses_left) VALUES (1, ?, 0, 1, 1, ?)',
      )
      .run('246810', usesLeft);

  it('adds the codes of service orders and the redemptions made at the counter', () => {
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['redemption_codes', 'redemptions']));
    expect(columnsOf(db, 'redemption_codes')).toEqual([
      'order_id',
      'code',
      'valid_from',
      'valid_to',
      'uses_total',
      'uses_left',
    ]);
    expect(columnsOf(db, 'redemptions')).toEqual(
      expect.arrayContaining(['order_id', 'code', 'store_id', 'clerk', 'device', 'redeemed_at', 'state', 'intent_id']),
    );
  });

  it('looks a code up by index, as the clerk types it', () => {
    expect(indexesOf(db, 'redemption_codes')).toContain('redemption_codes_code');
    expect(indexesOf(db, 'redemptions')).toContain('redemptions_store_time');
  });

  it('refuses negative uses left and a second code for the same order', () => {
    expect(() => code(-1)).toThrow(/CHECK constraint failed/);
    code(1);
    expect(() => code(1)).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('records a redemption as provisional until the order service decides', () => {
    db.prepare(
      "INSERT INTO redemptions (order_id, code, store_id, clerk, device, redeemed_at) VALUES (1, '246810', 'ST-01', 'zhangli', 'POS-ST-01', 5)",
    ).run();
    expect(db.prepare('SELECT state, uses FROM redemptions').get()).toEqual({ state: 'provisional', uses: 1 });
    expect(() => db.prepare("UPDATE redemptions SET state = 'maybe'").run()).toThrow(/CHECK constraint failed/);
  });
});
