import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { PoolNumberRow, PoolNumberState, WaybillPoolRepo } from '../repositories';

export const waybillPoolRepo = (db: Sql): WaybillPoolRepo => ({
  async load(carrier, warehouseId, trackingNos) {
    const last = await db.first(sql<{ p: number }>`SELECT COALESCE(MAX(position), 0) AS p FROM waybill_pool`);
    let added = 0;
    for (const [i, trackingNo] of trackingNos.entries()) {
      added += await db.run(
        sql`INSERT INTO waybill_pool (tracking_no, carrier, warehouse_id, position, state)
         VALUES (${trackingNo}, ${carrier}, ${warehouseId}, ${Number(last?.p ?? 0) + i + 1}, 'FREE')
         ON CONFLICT DO NOTHING`,
      );
    }
    return added;
  },
  async reservation(reservation) {
    const rows = await db.all(
      sql<{
        t: string;
      }>`SELECT tracking_no AS t FROM waybill_pool WHERE reservation = ${reservation} ORDER BY position`,
    );
    return rows.map((r) => r.t);
  },
  async reserve(carrier, warehouseId, count, who) {
    const rows = await db.all(
      sql<{ t: string; p: number }>`UPDATE waybill_pool
       SET state = 'RESERVED', device_id = ${who.deviceId}, reservation = ${who.reservation}, reserved_at = ${who.at}
       WHERE tracking_no IN (
         SELECT tracking_no FROM waybill_pool
         WHERE carrier = ${carrier} AND warehouse_id = ${warehouseId} AND state = 'FREE' ORDER BY position LIMIT ${count})
       RETURNING tracking_no AS t, position AS p`,
    );
    return rows.sort((a, b) => Number(a.p) - Number(b.p)).map((r) => r.t);
  },
  async get(trackingNo) {
    return (
      (await db.first(
        sql<PoolNumberRow>`SELECT tracking_no AS "trackingNo", carrier, warehouse_id AS "warehouseId", state,
           device_id AS "deviceId", order_no AS "orderNo" FROM waybill_pool WHERE tracking_no = ${trackingNo}`,
      )) ?? null
    );
  },
  async markUsed(trackingNo, orderNo, at) {
    await db.run(
      sql`UPDATE waybill_pool SET state = 'USED', order_no = ${orderNo}, used_at = ${at} WHERE tracking_no = ${trackingNo}`,
    );
  },
  async markVoid(trackingNo, reason, at) {
    await db.run(
      sql`UPDATE waybill_pool SET state = 'VOID', void_reason = ${reason}, voided_at = ${at} WHERE tracking_no = ${trackingNo}`,
    );
  },
  async counts() {
    const rows = await db.all(
      sql<{ carrier: string; warehouseId: string; state: PoolNumberState; count: number }>`SELECT carrier,
         warehouse_id AS "warehouseId", state, COUNT(*) AS count FROM waybill_pool
       GROUP BY carrier, warehouse_id, state ORDER BY carrier, warehouse_id, state`,
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  },
});
