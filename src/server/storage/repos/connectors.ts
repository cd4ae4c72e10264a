import { sql } from 'kysely';
import type { PlatformRefund } from '../../connectors/platform';
import type { ConnectorRow, ConnectorsRepo } from '../connectors';
import type { Sql } from '../dialect';
import { flag } from './values';

const COLUMNS = sql`shop_id AS "shopId", platform, gateway, app_key AS "appKey", sealed_secrets AS "sealedSecrets",
  paused, orders_cursor AS "ordersCursor", refunds_cursor AS "refundsCursor", next_poll_at AS "nextPollAt",
  last_poll_at AS "lastPollAt", last_success_at AS "lastSuccessAt", last_error_code AS "lastErrorCode",
  last_error_message AS "lastErrorMessage", last_error_at AS "lastErrorAt", failures,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

type Raw = Omit<ConnectorRow, 'paused'> & { paused: unknown };
const toRow = (raw: Raw): ConnectorRow => ({
  ...raw,
  paused: flag(raw.paused),
  ordersCursor: Number(raw.ordersCursor),
  refundsCursor: Number(raw.refundsCursor),
  nextPollAt: Number(raw.nextPollAt),
  lastPollAt: raw.lastPollAt === null ? null : Number(raw.lastPollAt),
  lastSuccessAt: raw.lastSuccessAt === null ? null : Number(raw.lastSuccessAt),
  lastErrorAt: raw.lastErrorAt === null ? null : Number(raw.lastErrorAt),
  failures: Number(raw.failures),
  createdAt: Number(raw.createdAt),
  updatedAt: Number(raw.updatedAt),
});

const REFUND = sql`refund_id AS "refundId", external_order_no AS "externalOrderNo", line_id AS "lineId", status,
  open, amount, reason, version, phase, modified_at AS "modifiedAt"`;
type RawRefund = Omit<PlatformRefund, 'open'> & { open: unknown };

export const connectorsRepo = (db: Sql): ConnectorsRepo => ({
  async get(shopId) {
    const raw = await db.first(sql<Raw>`SELECT ${COLUMNS} FROM shop_connectors WHERE shop_id = ${shopId}`);
    return raw ? toRow(raw) : null;
  },
  async list() {
    return (await db.all(sql<Raw>`SELECT ${COLUMNS} FROM shop_connectors ORDER BY shop_id`)).map(toRow);
  },
  async due(now) {
    return (
      await db.all(
        sql<Raw>`SELECT ${COLUMNS} FROM shop_connectors WHERE paused = ${false} AND next_poll_at <= ${now}
          ORDER BY next_poll_at`,
      )
    ).map(toRow);
  },
  async put(r) {
    await db.run(
      sql`INSERT INTO shop_connectors (shop_id, platform, gateway, app_key, sealed_secrets, paused, orders_cursor,
         refunds_cursor, next_poll_at, last_poll_at, last_success_at, last_error_code, last_error_message,
         last_error_at, failures, created_at, updated_at)
       VALUES (${r.shopId}, ${r.platform}, ${r.gateway}, ${r.appKey}, ${r.sealedSecrets}, ${r.paused}, ${r.ordersCursor},
         ${r.refundsCursor}, ${r.nextPollAt}, ${r.lastPollAt}, ${r.lastSuccessAt}, ${r.lastErrorCode},
         ${r.lastErrorMessage}, ${r.lastErrorAt}, ${r.failures}, ${r.createdAt}, ${r.updatedAt})
       ON CONFLICT (shop_id) DO UPDATE SET platform = excluded.platform, gateway = excluded.gateway,
         app_key = excluded.app_key, sealed_secrets = excluded.sealed_secrets, paused = excluded.paused,
         orders_cursor = excluded.orders_cursor, refunds_cursor = excluded.refunds_cursor,
         next_poll_at = excluded.next_poll_at, last_poll_at = excluded.last_poll_at,
         last_success_at = excluded.last_success_at, last_error_code = excluded.last_error_code,
         last_error_message = excluded.last_error_message, last_error_at = excluded.last_error_at,
         failures = excluded.failures, updated_at = excluded.updated_at`,
    );
  },
  async putRefund(shopId, f) {
    await db.run(
      sql`INSERT INTO connector_refunds (shop_id, refund_id, external_order_no, line_id, status, open, amount, reason,
         version, phase, modified_at)
       VALUES (${shopId}, ${f.refundId}, ${f.externalOrderNo}, ${f.lineId}, ${f.status}, ${f.open}, ${f.amount},
         ${f.reason}, ${f.version}, ${f.phase}, ${f.modifiedAt})
       ON CONFLICT (shop_id, refund_id) DO UPDATE SET status = excluded.status, open = excluded.open,
         amount = excluded.amount, reason = excluded.reason, version = excluded.version, phase = excluded.phase,
         modified_at = excluded.modified_at
       WHERE excluded.modified_at >= connector_refunds.modified_at`,
    );
  },
  async refundsOf(shopId, externalOrderNo) {
    const rows = await db.all(
      sql<RawRefund>`SELECT ${REFUND} FROM connector_refunds
        WHERE shop_id = ${shopId} AND external_order_no = ${externalOrderNo} ORDER BY modified_at`,
    );
    return rows.map((r) => ({ ...r, open: flag(r.open), amount: Number(r.amount), modifiedAt: Number(r.modifiedAt) }));
  },
  async counts(shopId, now) {
    const row = await db.first(
      sql<{ orders: unknown; dead: unknown }>`SELECT
        (SELECT COUNT(*) FROM external_orders WHERE shop_id = ${shopId} AND received_at >= ${now - 3_600_000}) AS orders,
        (SELECT COUNT(*) FROM outbound_events WHERE shop_id = ${shopId} AND state = 'dead') AS dead`,
    );
    return { ordersLastHour: Number(row?.orders ?? 0), deadLetters: Number(row?.dead ?? 0) };
  },
});
