import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { DealerRow, PlacesRepo, StoreRow, WarehouseRow } from '../repositories';

const STORE = sql`SELECT id, name, merchant_id AS "merchantId" FROM stores`;

export const placesRepo = (db: Sql): PlacesRepo => ({
  async store(id) {
    return (await db.first(sql<StoreRow>`${STORE} WHERE id = ${id}`)) ?? null;
  },
  async storesOf(merchantId) {
    return db.all(sql<StoreRow>`${STORE} WHERE merchant_id = ${merchantId} ORDER BY id`);
  },
  async dealer(id) {
    return (await db.first(sql<DealerRow>`SELECT id, name, province FROM dealers WHERE id = ${id}`)) ?? null;
  },
  async warehouse(id) {
    return (await db.first(sql<WarehouseRow>`SELECT id, name, city FROM warehouses WHERE id = ${id}`)) ?? null;
  },
  async warehouseForProvince(province) {
    const row = await db.first(
      sql<{ id: string }>`SELECT warehouse_id AS id FROM province_warehouses WHERE province = ${province}`,
    );
    return row?.id ?? null;
  },
  async insertMerchant(row) {
    await db.run(sql`INSERT INTO merchants (id, name) VALUES (${row.id}, ${row.name})`);
  },
  async insertWarehouse(row) {
    await db.run(sql`INSERT INTO warehouses (id, name, city) VALUES (${row.id}, ${row.name}, ${row.city})`);
  },
  async insertProvinceWarehouse(province, warehouseId) {
    await db.run(sql`INSERT INTO province_warehouses (province, warehouse_id) VALUES (${province}, ${warehouseId})`);
  },
  async insertStore(row) {
    await db.run(sql`INSERT INTO stores (id, name, merchant_id) VALUES (${row.id}, ${row.name}, ${row.merchantId})`);
  },
  async insertDealer(row) {
    await db.run(sql`INSERT INTO dealers (id, name, province) VALUES (${row.id}, ${row.name}, ${row.province})`);
  },
});
