import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, migratedTo, tablesOf } from './schema';

describe('migration 010_catalogue', () => {
  const db = migratedTo(10);

  it('adds the dealer’s synced catalogue with prices in fen', () => {
    expect(tablesOf(db)).toContain('catalogue');
    expect(columnsOf(db, 'catalogue')).toEqual([
      'sku',
      'merchant_id',
      'name',
      'spec',
      'image',
      'list_price',
      'dealer_price',
      'on_sale',
      'stock',
      'campaign_id',
    ]);
    expect(indexesOf(db, 'catalogue')).toContain('catalogue_name');
  });

  it('refuses a negative price', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO catalogue VALUES ('SKU-1', 'MER-SELF', '纯棉短袖T恤', '颜色:白色', '', -1, 100, 1, 5, NULL)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
