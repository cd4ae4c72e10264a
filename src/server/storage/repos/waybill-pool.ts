import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { PoolNumberRow, PoolNumberState, WaybillPoolRepo } from '../repositories';

export const waybillPoolRepo = (db: Sql): WaybillPoolRepo => {
  const postgres = db.dialect === 'postgres';
  return {
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
      // The desk's reservation id is claimed (4614) until the unit ends: the same request retried on
      // another node meanwhile waits and gets this block, never a second one.
      if (postgres) await db.run(sql`SELECT pg_advisory_xact_lock(4614, hashtext(${reservation}))`);
      const rows = await db.all(
        sql<{
          t: string;
        }>`SELECT tracking_no AS t FROM waybill_pool WHERE reservation = ${reservation} ORDER BY position`,
      );
      return rows.map((r) => r.t);
    },
    async reserve(carrier, warehouseId, count, who) {
      // The block is picked once, in a CTE, then reserved: an `IN (subquery … LIMIT)` may be
      // evaluated again while the UPDATE runs and go on taking numbers past the count. On
      // PostgreSQL numbers another node is reserving right now are skipped (SKIP LOCKED), and the
      // state check is the guard either way.
      const skipTaken = postgres ? sql`FOR UPDATE SKIP LOCKED` : sql``;
      const rows = await db.all(
        sql<{ t: string; p: number }>`WITH picked AS (
           SELECT tracking_no FROM waybill_pool
           WHERE carrier = ${carrier} AND warehouse_id = ${warehouseId} AND state = 'FREE'
           ORDER BY position LIMIT ${count} ${skipTaken})
         UPDATE waybill_pool
         SET state = 'RESERVED', device_id = ${who.deviceId}, reservation = ${who.reservation}, reserved_at = ${who.at}
         FROM picked WHERE waybill_pool.tracking_no = picked.tracking_no AND waybill_pool.state = 'FREE'
         RETURNING waybill_pool.tracking_no AS t, waybill_pool.position AS p`,
      );
      return rows.sort((a, b) => Number(a.p) - Number(b.p)).map((r) => r.t);
    },
    async get(trackingNo) {
      return (
        (await db.first(
          sql<PoolNumberRow>`SELECT tracking_no AS "trackingNo", carrier, warehouse_id AS "warehouseId", state,
           device_id AS "deviceId", order_no AS "orderNo" FROM waybill_pool WHERE tracking_no = ${trackingNo}
           ${postgres ? sql`FOR UPDATE` : sql``}`,
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
  };
};
