import { describe, expect, it } from 'vitest';
import { columnsOf, migratedTo, tablesOf } from './schema';

describe('migration 013_promotion_terms', () => {
  const db = migratedTo(13);

  it('adds the synced coupons and campaigns, amounts in fen', () => {
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['promotion_coupons', 'promotion_campaigns']));
    expect(columnsOf(db, 'promotion_coupons')).toEqual(['id', 'name', 'amount_off', 'threshold_fen', 'dealer_id']);
    expect(columnsOf(db, 'promotion_campaigns')).toEqual(['id', 'name', 'threshold_fen', 'rate_bp', 'amount_off']);
  });

  it('keeps a campaign rate within 0–100%', () => {
    const insert = db.prepare(`INSERT INTO promotion_campaigns VALUES (?, '新品尝鲜 5折', 0, ?, NULL)`);
    insert.run('DC-HALF', 5000);
    expect(() => insert.run('DC-BAD', 12_000)).toThrow(/CHECK/);
  });

  it('refuses a coupon worth less than nothing', () => {
    expect(() =>
      db.prepare(`INSERT INTO promotion_coupons VALUES ('DCP-X', '满500减50', -5000, 50000, NULL)`).run(),
    ).toThrow(/CHECK/);
  });
});
