import { describe, expect, it } from 'vitest';
import { migratedTo } from './helpers';

describe('migration 004: products, dealer prices, stock, promotions', () => {
  it('never lets reserved stock exceed what is on hand, nor either go negative', () => {
    const db = migratedTo(4);
    db.exec(`
      INSERT INTO merchants (id, name) VALUES ('MCH-0001', '官方自营');
      INSERT INTO warehouses (id, name, city) VALUES ('WH-SH', '上海仓', '上海市');
      INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, campaign_id, seq)
        VALUES ('SP00101', 'MCH-0001', '五常稻花香大米', '规格:5kg', '', 'PHYSICAL', 6990, 1, 1, NULL, 1);
      INSERT INTO stock (sku, warehouse_id, on_hand, reserved) VALUES ('SP00101', 'WH-SH', 10, 0);
    `);
    const adjust = db.prepare("UPDATE stock SET on_hand = on_hand + ?, reserved = reserved + ? WHERE sku = 'SP00101'");
    adjust.run(0, 10);
    expect(() => adjust.run(0, 1)).toThrow(/CHECK/);
    expect(() => adjust.run(-11, -10)).toThrow(/CHECK/);
  });

  it('keeps one catalogue sequence per item and one price per dealer and item', () => {
    const db = migratedTo(4);
    db.exec(`
      INSERT INTO merchants (id, name) VALUES ('MCH-0001', '官方自营');
      INSERT INTO dealers (id, name, province) VALUES ('DL-01', '华东经销商', '上海市');
      INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, campaign_id, seq)
        VALUES ('SP00101', 'MCH-0001', '五常稻花香大米', '规格:5kg', '', 'PHYSICAL', 6990, 1, 1, NULL, 1);
      INSERT INTO dealer_prices (dealer_id, sku, price) VALUES ('DL-01', 'SP00101', 5900);
    `);
    expect(() =>
      db.exec("INSERT INTO dealer_prices (dealer_id, sku, price) VALUES ('DL-01', 'SP00101', 5800)"),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() =>
      db.exec(`INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, campaign_id, seq)
        VALUES ('SP00102', 'MCH-0001', '大米', '10kg', '', 'PHYSICAL', 12990, 1, 1, NULL, 1)`),
    ).toThrow(/UNIQUE/);
  });
});
