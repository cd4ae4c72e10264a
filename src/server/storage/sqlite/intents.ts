import type { IntentRow, IntentsRepo, RefundsRepo } from '../repositories';
import type { Prepare } from './statements';

interface RawIntent extends Omit<IntentRow, 'fieldErrors' | 'conflict'> {
  fieldErrors: string | null;
  conflict: string | null;
}

export const intentsRepo = (sql: Prepare): IntentsRepo => ({
  async get(id) {
    const raw = sql(
      `SELECT id, user_id AS "userId", device_id AS "deviceId", device_seq AS "deviceSeq", type, order_no AS "orderNo",
         status, code, message, field_errors AS "fieldErrors", conflict, client_time AS "clientTime",
         received_at AS "receivedAt"
       FROM intents WHERE id = ?`,
    ).get(id) as RawIntent | undefined;
    if (!raw) return null;
    return {
      ...raw,
      fieldErrors: raw.fieldErrors === null ? null : (JSON.parse(raw.fieldErrors) as IntentRow['fieldErrors']),
      conflict: raw.conflict === null ? null : (JSON.parse(raw.conflict) as IntentRow['conflict']),
    };
  },
  async insert(r) {
    sql(
      `INSERT INTO intents (id, user_id, device_id, device_seq, type, order_no, status, code, message, field_errors,
         conflict, client_time, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.userId,
      r.deviceId,
      r.deviceSeq,
      r.type,
      r.orderNo,
      r.status,
      r.code,
      r.message,
      r.fieldErrors === null ? null : JSON.stringify(r.fieldErrors),
      r.conflict === null ? null : JSON.stringify(r.conflict),
      r.clientTime,
      r.receivedAt,
    );
  },
});

export const refundsRepo = (sql: Prepare): RefundsRepo => ({
  async insert(r) {
    sql(
      `INSERT INTO refunds (id, order_no, after_sale_id, amount, channel, original_serial_no, refunded_at, refunded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.orderNo, r.afterSaleId, r.amount, r.channel, r.originalSerialNo, r.refundedAt, r.refundedBy);
  },
});
