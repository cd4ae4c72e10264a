import { describe, expect, it } from 'vitest';
import { migratedTo, tables } from './helpers';

function shop(db: ReturnType<typeof migratedTo>) {
  db.exec(`INSERT INTO merchants (id, name) VALUES ('MCH-0001', '官方自营');
           INSERT INTO shops (id, name, channel, platform, merchant_id, created_at, updated_at)
             VALUES ('TB-01', '官方旗舰店（淘宝）', 'TAOBAO', 'TMALL', 'MCH-0001', 1, 1);`);
}
const connect = `INSERT INTO shop_connectors (shop_id, platform, gateway, app_key, sealed_secrets, orders_cursor,
    refunds_cursor, next_poll_at, created_at, updated_at)
  VALUES (?, ?, 'http://127.0.0.1:9100', '12345678', 'v1:a:b:c', 0, 0, 0, 1, 1)`;

describe('migration 022: a shop’s connection to its platform', () => {
  it('connects an existing shop once, to a platform a connector speaks', () => {
    const db = migratedTo(22);
    shop(db);
    expect(tables(db)).toEqual(expect.arrayContaining(['shop_connectors', 'connector_refunds']));
    db.prepare(connect).run('TB-01', 'taobao');
    expect(() => db.prepare(connect).run('TB-01', 'taobao')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare(connect).run('NO-SHOP', 'pdd')).toThrow(/FOREIGN KEY/);
    db.exec(
      "INSERT INTO shops (id, name, channel, platform, merchant_id, created_at, updated_at) VALUES ('X-01', 'x', 'JD', 'JD', 'MCH-0001', 1, 1)",
    );
    expect(() => db.prepare(connect).run('X-01', 'jd')).toThrow(/CHECK/);
    const row = db.prepare('SELECT paused, failures FROM shop_connectors').get();
    expect(row).toEqual({ paused: 0, failures: 0 });
  });

  it('keeps one row per platform refund of a connected shop', () => {
    const db = migratedTo(22);
    shop(db);
    db.prepare(connect).run('TB-01', 'taobao');
    const refund = db.prepare(`INSERT INTO connector_refunds VALUES ('TB-01', ?, '3620118837765401', '36201188377601',
      'WAIT_SELLER_AGREE', 1, 2990, '不想要了', '1700000000000', 'onsale', 1)`);
    refund.run('R-1');
    expect(() => refund.run('R-1')).toThrow(/UNIQUE|PRIMARY/);
  });
});
