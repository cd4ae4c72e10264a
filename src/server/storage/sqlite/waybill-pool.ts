import type { PoolNumberRow, PoolNumberState, WaybillPoolRepo } from '../repositories';
import type { Prepare } from './statements';

export const waybillPoolRepo = (sql: Prepare): WaybillPoolRepo => ({
  async load(carrier, warehouseId, trackingNos) {
    const last = sql('SELECT COALESCE(MAX(position), 0) AS p FROM waybill_pool').get() as { p: number };
    const insert = sql(
      `INSERT OR IGNORE INTO waybill_pool (tracking_no, carrier, warehouse_id, position, state)
       VALUES (?, ?, ?, ?, 'FREE')`,
    );
    let added = 0;
    trackingNos.forEach((trackingNo, i) => {
      added += insert.run(trackingNo, carrier, warehouseId, last.p + i + 1).changes;
    });
    return added;
  },
  async reservation(reservation) {
    return (
      sql('SELECT tracking_no AS t FROM waybill_pool WHERE reservation = ? ORDER BY position').all(
        reservation,
      ) as Array<{
        t: string;
      }>
    ).map((r) => r.t);
  },
  async reserve(carrier, warehouseId, count, who) {
    return (
      sql(
        `UPDATE waybill_pool SET state = 'RESERVED', device_id = ?, reservation = ?, reserved_at = ?
         WHERE tracking_no IN (
           SELECT tracking_no FROM waybill_pool
           WHERE carrier = ? AND warehouse_id = ? AND state = 'FREE' ORDER BY position LIMIT ?)
         RETURNING tracking_no AS t, position AS p`,
      ).all(who.deviceId, who.reservation, who.at, carrier, warehouseId, count) as Array<{ t: string; p: number }>
    )
      .sort((a, b) => a.p - b.p)
      .map((r) => r.t);
  },
  async get(trackingNo) {
    return (
      (sql(
        `SELECT tracking_no AS "trackingNo", carrier, warehouse_id AS "warehouseId", state, device_id AS "deviceId",
           order_no AS "orderNo" FROM waybill_pool WHERE tracking_no = ?`,
      ).get(trackingNo) as PoolNumberRow | undefined) ?? null
    );
  },
  async markUsed(trackingNo, orderNo, at) {
    sql(`UPDATE waybill_pool SET state = 'USED', order_no = ?, used_at = ? WHERE tracking_no = ?`).run(
      orderNo,
      at,
      trackingNo,
    );
  },
  async markVoid(trackingNo, reason, at) {
    sql(`UPDATE waybill_pool SET state = 'VOID', void_reason = ?, voided_at = ? WHERE tracking_no = ?`).run(
      reason,
      at,
      trackingNo,
    );
  },
  async counts() {
    return sql(
      `SELECT carrier, warehouse_id AS "warehouseId", state, COUNT(*) AS count FROM waybill_pool
       GROUP BY carrier, warehouse_id, state ORDER BY carrier, warehouse_id, state`,
    ).all() as Array<{ carrier: string; warehouseId: string; state: PoolNumberState; count: number }>;
  },
});
