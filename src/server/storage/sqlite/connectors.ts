import type { PlatformRefund } from '../../connectors/platform';
import type { ConnectorRow, ConnectorsRepo } from '../connectors';
import type { Prepare } from './statements';

const COLUMNS = `shop_id AS shopId, platform, gateway, app_key AS appKey, sealed_secrets AS sealedSecrets,
  paused, orders_cursor AS ordersCursor, refunds_cursor AS refundsCursor, next_poll_at AS nextPollAt,
  last_poll_at AS lastPollAt, last_success_at AS lastSuccessAt, last_error_code AS lastErrorCode,
  last_error_message AS lastErrorMessage, last_error_at AS lastErrorAt, failures,
  created_at AS createdAt, updated_at AS updatedAt`;

type Stored = Omit<ConnectorRow, 'paused'> & { paused: number };
const row = (r: Stored | undefined): ConnectorRow | null => (r ? { ...r, paused: r.paused === 1 } : null);

const REFUND = `refund_id AS refundId, external_order_no AS externalOrderNo, line_id AS lineId, status, open,
  amount, reason, version, phase, modified_at AS modifiedAt`;

export const connectorsRepo = (sql: Prepare): ConnectorsRepo => ({
  async get(shopId) {
    return row(sql(`SELECT ${COLUMNS} FROM shop_connectors WHERE shop_id = ?`).get(shopId) as Stored | undefined);
  },
  async list() {
    return (sql(`SELECT ${COLUMNS} FROM shop_connectors ORDER BY shop_id`).all() as Stored[]).map((r) => row(r)!);
  },
  async due(now) {
    return (
      sql(`SELECT ${COLUMNS} FROM shop_connectors WHERE paused = 0 AND next_poll_at <= ? ORDER BY next_poll_at`).all(
        now,
      ) as Stored[]
    ).map((r) => row(r)!);
  },
  async put(r) {
    sql(
      `INSERT INTO shop_connectors (shop_id, platform, gateway, app_key, sealed_secrets, paused, orders_cursor,
         refunds_cursor, next_poll_at, last_poll_at, last_success_at, last_error_code, last_error_message,
         last_error_at, failures, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (shop_id) DO UPDATE SET platform = excluded.platform, gateway = excluded.gateway,
         app_key = excluded.app_key, sealed_secrets = excluded.sealed_secrets, paused = excluded.paused,
         orders_cursor = excluded.orders_cursor, refunds_cursor = excluded.refunds_cursor,
         next_poll_at = excluded.next_poll_at, last_poll_at = excluded.last_poll_at,
         last_success_at = excluded.last_success_at, last_error_code = excluded.last_error_code,
         last_error_message = excluded.last_error_message, last_error_at = excluded.last_error_at,
         failures = excluded.failures, updated_at = excluded.updated_at`,
    ).run(
      r.shopId,
      r.platform,
      r.gateway,
      r.appKey,
      r.sealedSecrets,
      r.paused ? 1 : 0,
      r.ordersCursor,
      r.refundsCursor,
      r.nextPollAt,
      r.lastPollAt,
      r.lastSuccessAt,
      r.lastErrorCode,
      r.lastErrorMessage,
      r.lastErrorAt,
      r.failures,
      r.createdAt,
      r.updatedAt,
    );
  },
  async putRefund(shopId, f) {
    sql(
      `INSERT INTO connector_refunds (shop_id, refund_id, external_order_no, line_id, status, open, amount, reason,
         version, phase, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (shop_id, refund_id) DO UPDATE SET status = excluded.status, open = excluded.open,
         amount = excluded.amount, reason = excluded.reason, version = excluded.version, phase = excluded.phase,
         modified_at = excluded.modified_at
       WHERE excluded.modified_at >= connector_refunds.modified_at`,
    ).run(
      shopId,
      f.refundId,
      f.externalOrderNo,
      f.lineId,
      f.status,
      f.open ? 1 : 0,
      f.amount,
      f.reason,
      f.version,
      f.phase,
      f.modifiedAt,
    );
  },
  async refundsOf(shopId, externalOrderNo) {
    const rows = sql(
      `SELECT ${REFUND} FROM connector_refunds WHERE shop_id = ? AND external_order_no = ? ORDER BY modified_at`,
    ).all(shopId, externalOrderNo) as Array<Omit<PlatformRefund, 'open'> & { open: number }>;
    return rows.map((r) => ({ ...r, open: r.open === 1 }));
  },
});
