import type { PlacesRepo } from '../repositories';
import type { Prepare } from './statements';

const STORE = 'SELECT id, name, merchant_id AS "merchantId" FROM stores';

export const placesRepo = (sql: Prepare): PlacesRepo => ({
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
  async insertMerchant(row) {
    sql('INSERT INTO merchants (id, name) VALUES (?, ?)').run(row.id, row.name);
  },
  async insertWarehouse(row) {
    sql('INSERT INTO warehouses (id, name, city) VALUES (?, ?, ?)').run(row.id, row.name, row.city);
  },
  async insertProvinceWarehouse(province, warehouseId) {
    sql('INSERT INTO province_warehouses (province, warehouse_id) VALUES (?, ?)').run(province, warehouseId);
  },
  async insertStore(row) {
    sql('INSERT INTO stores (id, name, merchant_id) VALUES (?, ?, ?)').run(row.id, row.name, row.merchantId);
  },
  async insertDealer(row) {
    sql('INSERT INTO dealers (id, name, province) VALUES (?, ?, ?)').run(row.id, row.name, row.province);
  },
});
