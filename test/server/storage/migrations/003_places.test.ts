import { describe, expect, it } from 'vitest';
import { migratedTo, tables } from './helpers';

describe('migration 003: merchants, warehouses, stores, dealers', () => {
  it('ties each store to a merchant and each province to a warehouse', () => {
    const db = migratedTo(3);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['merchants', 'warehouses', 'province_warehouses', 'stores', 'dealers']),
    );
    db.prepare("INSERT INTO merchants (id, name) VALUES ('MCH-2001', '悦享本地生活')").run();
    db.prepare("INSERT INTO stores (id, name, merchant_id) VALUES ('ST-01', '静安店', 'MCH-2001')").run();
    expect(() =>
      db.prepare("INSERT INTO stores (id, name, merchant_id) VALUES ('ST-02', '徐汇店', 'MCH-9')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO province_warehouses (province, warehouse_id) VALUES ('上海市', 'WH-SH')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
