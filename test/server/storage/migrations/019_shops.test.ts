import { describe, expect, it } from 'vitest';
import { columns, migratedTo, tables } from './helpers';

function company(db: ReturnType<typeof migratedTo>) {
  db.exec(`INSERT INTO merchants (id, name) VALUES ('MCH-0001', '官方自营');
           INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, seq)
             VALUES ('FZ00103', 'MCH-0001', '纯棉短袖T恤', 'L', '', 'PHYSICAL', 5900, 1, 1, 1);`);
}
const shop = `INSERT INTO shops (id, name, channel, platform, merchant_id, created_at, updated_at)
  VALUES (?, '官方旗舰店', ?, 'TMALL', 'MCH-0001', 1, 1)`;

describe('migration 019: shops, SKU mappings and external orders', () => {
  it('keeps a shop to the channels of the vocabulary', () => {
    const db = migratedTo(19);
    company(db);
    expect(tables(db)).toEqual(expect.arrayContaining(['shops', 'shop_sku_map', 'external_orders']));
    db.prepare(shop).run('TB-01', 'TAOBAO');
    expect(() => db.prepare(shop).run('XX-01', 'EBAY')).toThrow(/CHECK/);
  });

  it('maps a platform item and SKU of a shop to one SKU of ours', () => {
    const db = migratedTo(19);
    company(db);
    db.prepare(shop).run('TB-01', 'TAOBAO');
    const map = db.prepare('INSERT INTO shop_sku_map VALUES (?, ?, ?, ?)');
    map.run('TB-01', '6001', '', 'FZ00103');
    expect(() => map.run('TB-01', '6001', '', 'FZ00103')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => map.run('TB-01', '6002', '', 'NOPE')).toThrow(/FOREIGN KEY/);
  });

  it('lets an external order number of a shop enter once', () => {
    const db = migratedTo(19);
    company(db);
    db.prepare(shop).run('TB-01', 'TAOBAO');
    const insert = db.prepare("INSERT INTO external_orders VALUES (?, ?, ?, ?, ?, '[]', 0, 1, 1)");
    insert.run('TB-01', '3620118837765401', 'E2506010000000001', 'f', '{}');
    expect(() => insert.run('TB-01', '3620118837765401', 'E2506010000000002', 'f', '{}')).toThrow(/UNIQUE|PRIMARY/);
    expect(columns(db, 'orders')).toEqual(expect.arrayContaining(['shop_id', 'external_order_no']));
    expect(columns(db, 'order_exits')).toContain('shop_id');
  });
});
