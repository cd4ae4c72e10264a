import type { DealerRow, MerchantRow, PlacesRepo, StoreRow, WarehouseRow } from '../repositories';
import type { Prepare } from './statements';

const STORE = 'SELECT id, name, merchant_id AS "merchantId" FROM stores';

export const placesRepo = (sql: Prepare): PlacesRepo => ({
  async merchant(id) {
    return (sql('SELECT id, name FROM merchants WHERE id = ?').get(id) as { id: string; name: string }) ?? null;
  },
  async store(id) {
    return (sql(`${STORE} WHERE id = ?`).get(id) as { id: string; name: string; merchantId: string }) ?? null;
  },
  async storesOf(merchantId) {
    return sql(`${STORE} WHERE merchant_id = ? ORDER BY id`).all(merchantId) as Array<{
      id: string;
      name: string;
      merchantId: string;
    }>;
  },
  async dealer(id) {
    return (
      (sql('SELECT id, name, province FROM dealers WHERE id = ?').get(id) as {
        id: string;
        name: string;
        province: string;
      }) ?? null
    );
  },
  async warehouse(id) {
    return (
      (sql('SELECT id, name, city FROM warehouses WHERE id = ?').get(id) as {
        id: string;
        name: string;
        city: string;
      }) ?? null
    );
  },
  async warehouseForProvince(province) {
    const row = sql('SELECT warehouse_id AS id FROM province_warehouses WHERE province = ?').get(province) as
      { id: string } | undefined;
    return row?.id ?? null;
  },
  async putMerchant(row) {
    sql('INSERT INTO merchants (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run(
      row.id,
      row.name,
    );
  },
  async putWarehouse(row) {
    sql(
      `INSERT INTO warehouses (id, name, city) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, city = excluded.city`,
    ).run(row.id, row.name, row.city);
  },
  async putProvinceWarehouse(province, warehouseId) {
    sql(
      `INSERT INTO province_warehouses (province, warehouse_id) VALUES (?, ?)
       ON CONFLICT (province) DO UPDATE SET warehouse_id = excluded.warehouse_id`,
    ).run(province, warehouseId);
  },
  async putStore(row) {
    sql(
      `INSERT INTO stores (id, name, merchant_id) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, merchant_id = excluded.merchant_id`,
    ).run(row.id, row.name, row.merchantId);
  },
  async putDealer(row) {
    sql(
      `INSERT INTO dealers (id, name, province) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, province = excluded.province`,
    ).run(row.id, row.name, row.province);
  },
  async merchants() {
    return sql('SELECT id, name FROM merchants ORDER BY id').all() as MerchantRow[];
  },
  async warehouses() {
    return sql('SELECT id, name, city FROM warehouses ORDER BY id').all() as WarehouseRow[];
  },
  async provincesServed() {
    return sql(
      'SELECT province, warehouse_id AS "warehouseId" FROM province_warehouses ORDER BY warehouse_id, province',
    ).all() as Array<{ province: string; warehouseId: string }>;
  },
  async stores() {
    return sql(`${STORE} ORDER BY id`).all() as StoreRow[];
  },
  async dealers() {
    return sql('SELECT id, name, province FROM dealers ORDER BY id').all() as DealerRow[];
  },
});
