import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { DealerRow, MerchantRow, PlacesRepo, StoreRow, WarehouseRow } from '../repositories';

const STORE = sql`SELECT id, name, merchant_id AS "merchantId" FROM stores`;

export const placesRepo = (db: Sql): PlacesRepo => ({
  async merchant(id) {
    return (await db.first(sql<MerchantRow>`SELECT id, name FROM merchants WHERE id = ${id}`)) ?? null;
  },
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
  async putMerchant(row) {
    await db.run(
      sql`INSERT INTO merchants (id, name) VALUES (${row.id}, ${row.name})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
    );
  },
  async putWarehouse(row) {
    await db.run(
      sql`INSERT INTO warehouses (id, name, city) VALUES (${row.id}, ${row.name}, ${row.city})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, city = excluded.city`,
    );
  },
  async putProvinceWarehouse(province, warehouseId) {
    await db.run(
      sql`INSERT INTO province_warehouses (province, warehouse_id) VALUES (${province}, ${warehouseId})
        ON CONFLICT (province) DO UPDATE SET warehouse_id = excluded.warehouse_id`,
    );
  },
  async putStore(row) {
    await db.run(
      sql`INSERT INTO stores (id, name, merchant_id) VALUES (${row.id}, ${row.name}, ${row.merchantId})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, merchant_id = excluded.merchant_id`,
    );
  },
  async putDealer(row) {
    await db.run(
      sql`INSERT INTO dealers (id, name, province) VALUES (${row.id}, ${row.name}, ${row.province})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, province = excluded.province`,
    );
  },
  async merchants() {
    return db.all(sql<MerchantRow>`SELECT id, name FROM merchants ORDER BY id`);
  },
  async warehouses() {
    return db.all(sql<WarehouseRow>`SELECT id, name, city FROM warehouses ORDER BY id`);
  },
  async provincesServed() {
    return db.all(
      sql<{ province: string; warehouseId: string }>`SELECT province, warehouse_id AS "warehouseId"
        FROM province_warehouses ORDER BY warehouse_id, province`,
    );
  },
  async stores() {
    return db.all(sql<StoreRow>`${STORE} ORDER BY id`);
  },
  async dealers() {
    return db.all(sql<DealerRow>`SELECT id, name, province FROM dealers ORDER BY id`);
  },
});
