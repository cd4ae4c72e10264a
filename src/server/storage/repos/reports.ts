import { sql, type RawBuilder } from 'kysely';
import type { Sql } from '../dialect';
import type { Clause } from '../sql';
import { CHINA_OFFSET_MS, DAY_MS } from '../../../shared/domain/business-day';
import type { FigureRow, GroupColumn, ReportsRepo } from '../repositories';

const HOUR_MS = 3_600_000;

/**
 * A time column as the number of its business day since the epoch (chinaDay of business-day.ts,
 * in SQL, whatever the server's zone), or of its China clock hour. The constants are
 * literals, not parameters: PostgreSQL matches a GROUP BY expression to the selected one only when
 * both are the same text, and two parameters are two different texts.
 */
const bucketOf = (column: string, size: number) =>
  sql`CAST((${sql.ref(column)} + ${sql.lit(CHINA_OFFSET_MS)}) / ${sql.lit(size)} AS BIGINT)`;
const dayOf = (column: string) => bucketOf(column, DAY_MS);

/** The caller's orders, for ledgers that only name an order: their own columns never clash with the scope's. */
const ofScope = (scope: Clause) => sql`order_no IN (SELECT order_no FROM orders WHERE ${scope})`;

const GROUPS: Record<GroupColumn, string> = { platform: 'platform', source: 'source', warehouse: 'warehouse_id' };

type Keyed = { key: string | number | null };

async function byKey(db: Sql, statement: RawBuilder<Keyed & Record<string, number>>) {
  return db.all(statement);
}

/**
 * Aggregates for reports, as SQL over the caller's scope on either engine. Each figure comes from
 * the table that knows it: payments and shipments from orders, money back from the refunds ledger,
 * redemptions from theirs, who shipped from the shipments ledger.
 */
export const reportsRepo = (db: Sql): ReportsRepo => ({
  async recordShipment(row) {
    await db.run(
      sql`INSERT INTO shipments (order_no, actor, warehouse_id, parcels, shipped_at)
        VALUES (${row.orderNo}, ${row.actor}, ${row.warehouseId}, ${row.parcels}, ${row.shippedAt})`,
    );
  },

  async recordShipments(rows) {
    // 5 values a row: 1,000 rows stay far below either engine's limit on bound parameters.
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows
        .slice(i, i + 1000)
        .map((r) => sql`(${r.orderNo}, ${r.actor}, ${r.warehouseId}, ${r.parcels}, ${r.shippedAt})`);
      await db.run(
        sql`INSERT INTO shipments (order_no, actor, warehouse_id, parcels, shipped_at) VALUES ${sql.join(values)}`,
      );
    }
  },

  async figuresByDay(scope, { from, to }) {
    const [paid, shipped, refunds] = await Promise.all([
      byKey(
        db,
        sql`SELECT ${dayOf('paid_at')} AS key, COUNT(*) AS orders, COALESCE(SUM(payable), 0) AS gmv FROM orders
          WHERE paid_at >= ${from} AND paid_at < ${to} AND ${scope} GROUP BY ${dayOf('paid_at')}`,
      ),
      byKey(
        db,
        sql`SELECT ${dayOf('shipped_at')} AS key, COUNT(*) AS shipped FROM orders
          WHERE shipped_at >= ${from} AND shipped_at < ${to} AND ${scope} GROUP BY ${dayOf('shipped_at')}`,
      ),
      byKey(
        db,
        sql`SELECT ${dayOf('refunded_at')} AS key, COUNT(*) AS refunds, COALESCE(SUM(amount), 0) AS "refundAmount"
          FROM refunds WHERE refunded_at >= ${from} AND refunded_at < ${to} AND ${ofScope(scope)}
          GROUP BY ${dayOf('refunded_at')}`,
      ),
    ]);
    return merge([paid, shipped, refunds]);
  },

  async figuresBy(column, scope, { from, to }) {
    const group = sql.ref(GROUPS[column]);
    const joined = sql.ref(`o.${GROUPS[column]}`);
    const [paid, shipped, refunds] = await Promise.all([
      byKey(
        db,
        sql`SELECT ${group} AS key, COUNT(*) AS orders, COALESCE(SUM(payable), 0) AS gmv FROM orders
          WHERE paid_at >= ${from} AND paid_at < ${to} AND ${scope} GROUP BY ${group}`,
      ),
      byKey(
        db,
        sql`SELECT ${group} AS key, COUNT(*) AS shipped FROM orders
          WHERE shipped_at >= ${from} AND shipped_at < ${to} AND ${scope} GROUP BY ${group}`,
      ),
      byKey(
        db,
        sql`SELECT ${joined} AS key, COUNT(*) AS refunds, COALESCE(SUM(r.amount), 0) AS "refundAmount"
          FROM refunds r JOIN orders o ON o.order_no = r.order_no
          WHERE r.refunded_at >= ${from} AND r.refunded_at < ${to}
          AND r.order_no IN (SELECT order_no FROM orders WHERE ${scope})
          GROUP BY ${joined}`,
      ),
    ]);
    return merge([paid, shipped, refunds]);
  },

  async leadTime(scope, { from, to }, fraction, warehouseId) {
    const only = warehouseId === null ? sql`` : sql`AND warehouse_id = ${warehouseId}`;
    const where = sql`shipped_at >= ${from} AND shipped_at < ${to} AND paid_at IS NOT NULL AND ${scope} ${only}`;
    const counted = await db.first(sql<{ n: number }>`SELECT COUNT(*) AS n FROM orders WHERE ${where}`);
    const n = counted?.n ?? 0;
    if (n === 0) return null;
    // The nearest-rank percentile: the smallest lead time at or above `fraction` of them.
    const offset = Math.max(0, Math.ceil(fraction * n) - 1);
    const row = await db.first(
      sql<{ lead: number }>`SELECT shipped_at - paid_at AS lead FROM orders WHERE ${where}
        ORDER BY shipped_at - paid_at LIMIT 1 OFFSET ${offset}`,
    );
    return row?.lead ?? null;
  },

  async redemptionsByStore(scope, { from, to }) {
    return db.all(
      sql<{ storeId: string; redemptions: number }>`SELECT store_id AS "storeId", COUNT(*) AS redemptions
        FROM redemptions WHERE state = 'applied' AND redeemed_at >= ${from} AND redeemed_at < ${to}
        AND ${ofScope(scope)} GROUP BY store_id ORDER BY store_id`,
    );
  },

  async shipmentsByActorHour(scope, { from, to }) {
    const hour = bucketOf('shipped_at', HOUR_MS);
    return db.all(
      sql<{ actor: string; hour: number; shipped: number }>`SELECT actor, ${hour} AS hour, COUNT(*) AS shipped
        FROM shipments WHERE shipped_at >= ${from} AND shipped_at < ${to} AND ${ofScope(scope)}
        GROUP BY actor, ${hour} ORDER BY actor, hour`,
    );
  },
});

/** The three aggregates of one grouping, as one row per key (a key missing from one counts 0 there). */
function merge(parts: ReadonlyArray<ReadonlyArray<Keyed & Record<string, number>>>): FigureRow[] {
  const rows = new Map<string, FigureRow>();
  for (const part of parts) {
    for (const { key, ...figures } of part) {
      const id = String(key);
      const row = rows.get(id) ?? { key, orders: 0, gmv: 0, shipped: 0, refunds: 0, refundAmount: 0 };
      rows.set(id, { ...row, ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(v)])) });
    }
  }
  return [...rows.values()];
}
