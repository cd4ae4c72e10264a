import { sql, type RawBuilder } from 'kysely';
import type { OrderKind } from '../../../shared/domain/vocabulary';
import type { Sql } from '../dialect';
import type { ExitsRepo, ExitRow, ListRow, OrderRow, OrdersRepo, OrderWrite, ScopeColumns } from '../repositories';
import { matchesAny } from '../sql';
import { flag } from './values';

const SCOPE = sql`kind, warehouse_id AS "warehouseId", store_id AS "storeId", dealer_id AS "dealerId",
  shop_id AS "shopId", review_pending AS "reviewPending"`;
const ROW = sql`order_no AS "orderNo", seq, record AS json, receipt_extended AS "receiptExtended",
  confirm_due_at AS "confirmDueAt", ${SCOPE}`;

interface RawOrder extends Omit<OrderRow, 'receiptExtended' | 'kind' | 'reviewPending'> {
  receiptExtended: unknown;
  reviewPending: unknown;
  kind: string;
}
const toOrder = (raw: RawOrder): OrderRow => ({
  ...raw,
  kind: raw.kind as OrderKind,
  receiptExtended: flag(raw.receiptExtended),
  reviewPending: flag(raw.reviewPending),
});
/** Scope columns as read: SQLite's 0/1 flag becomes a boolean, so two scopes compare equal. */
const scoped = <T extends { reviewPending: unknown }>(row: T): T & { reviewPending: boolean } => ({
  ...row,
  reviewPending: flag(row.reviewPending),
});

/** Every column an order row holds, from its OrderWrite: INSERT and UPDATE share it, so they cannot bind differently. */
const columns = (o: OrderWrite): Array<[string, unknown]> => [
  ['parent_no', o.parentNo],
  ['kind', o.kind],
  ['source', o.source],
  ['platform', o.platform],
  ['status', o.status],
  ['payment_status', o.paymentStatus],
  ['refund_status', o.refundStatus],
  ['locked', o.locked],
  ['has_exception', o.hasException],
  ['merchant_id', o.merchantId],
  ['warehouse_id', o.warehouseId],
  ['store_id', o.storeId],
  ['dealer_id', o.dealerId],
  ['province', o.province],
  ['payment_channel', o.paymentChannel],
  ['created_at', o.createdAt],
  ['paid_at', o.paidAt],
  ['shipped_at', o.shippedAt],
  ['completed_at', o.completedAt],
  ['payable', o.payable],
  ['search_text', o.searchText],
  ['receipt_extended', o.receiptExtended],
  ['confirm_due_at', o.confirmDueAt],
  ['review_pending', o.reviewPending],
  ['review_held_at', o.reviewHeldAt],
  ['buyer_id', o.buyerId],
  ['seq', o.seq],
  ['record', o.json],
  ['shop_id', o.shopId],
  ['external_order_no', o.externalOrderNo],
];

function insertOrder(o: OrderWrite): RawBuilder<unknown> {
  const all: Array<[string, unknown]> = [['order_no', o.orderNo], ...columns(o)];
  return sql`INSERT INTO orders (${sql.join(all.map(([name]) => sql.ref(name)))})
    VALUES (${sql.join(all.map(([, value]) => value))})`;
}

function updateOrder(o: OrderWrite): RawBuilder<unknown> {
  const sets = columns(o).map(([name, value]) => sql`${sql.ref(name)} = ${value}`);
  return sql`UPDATE orders SET ${sql.join(sets)} WHERE order_no = ${o.orderNo}`;
}

/**
 * Gives the order its waybills' numbers and answers those another order holds: persist.ts refuses
 * them before writing, and this catches the one a concurrent unit (another node) claimed between
 * that check and this write (the unique key makes the second claimer wait, then see the first).
 */
async function claimWaybills(db: Sql, row: OrderWrite): Promise<string[]> {
  const taken: string[] = [];
  for (const trackingNo of row.trackingNos) {
    const holder = await db.first(
      sql<{
        orderNo: string;
      }>`INSERT INTO waybill_numbers (tracking_no, order_no) VALUES (${trackingNo}, ${row.orderNo})
        ON CONFLICT (tracking_no) DO UPDATE SET order_no = waybill_numbers.order_no
        RETURNING order_no AS "orderNo"`,
    );
    if (holder && holder.orderNo !== row.orderNo) taken.push(trackingNo);
  }
  return taken;
}

/** The stored record's UTF-8 bytes: SQLite hands them over as a BLOB, PostgreSQL as jsonb text. */
const asBytes = (json: Buffer | string): Buffer => (typeof json === 'string' ? Buffer.from(json) : json);

export const ordersRepo = (db: Sql): OrdersRepo => {
  // A unit reads an order to change it: on PostgreSQL the row stays locked until the unit ends, so
  // a unit on another node waits and then reads the order as this one left it (never a lost update).
  const forUpdate = db.dialect === 'postgres' ? sql`FOR UPDATE` : sql``;
  return {
    async get(orderNo) {
      const raw = await db.first(sql<RawOrder>`SELECT ${ROW} FROM orders WHERE order_no = ${orderNo} ${forUpdate}`);
      return raw ? toOrder(raw) : null;
    },
    async lockAll(orderNos) {
      if (db.dialect !== 'postgres' || orderNos.length === 0) return;
      const sorted = [...new Set(orderNos)].sort();
      await db.run(
        sql`SELECT order_no FROM orders WHERE ${matchesAny('order_no', sorted)} ORDER BY order_no FOR UPDATE`,
      );
    },
    async childrenOf(parentNo) {
      const rows = await db.all(
        sql<RawOrder>`SELECT ${ROW} FROM orders WHERE parent_no = ${parentNo} ORDER BY order_no ${forUpdate}`,
      );
      return rows.map(toOrder);
    },
    async parentExists(parentNo) {
      return (await db.first(sql`SELECT 1 AS found FROM orders WHERE parent_no = ${parentNo} LIMIT 1`)) !== undefined;
    },
    async maxParentNo(prefix) {
      // A range on the index instead of LIKE: prefix + '~' sorts after every digit suffix (byte order,
      // which the PostgreSQL schema asks for with COLLATE "C").
      const row = await db.first(
        sql<{
          m: string | null;
        }>`SELECT MAX(parent_no) AS m FROM orders WHERE parent_no >= ${prefix} AND parent_no < ${`${prefix}~`}`,
      );
      return row?.m ?? null;
    },
    async insert(row) {
      await db.run(insertOrder(row));
      return claimWaybills(db, row);
    },
    async update(row) {
      await db.run(updateOrder(row));
      return claimWaybills(db, row);
    },
    async waybillHolder(trackingNo) {
      const row = await db.first(
        sql<{ orderNo: string }>`SELECT order_no AS "orderNo" FROM waybill_numbers WHERE tracking_no = ${trackingNo}`,
      );
      return row?.orderNo ?? null;
    },
    async pullPage(scope, afterSeq, upTo, limit) {
      const record = db.dialect === 'sqlite' ? sql`CAST(record AS BLOB)` : sql`record`;
      const rows = await db.all(
        sql<{ seq: number; json: Buffer | string } & ScopeColumns>`SELECT seq, ${record} AS json, ${SCOPE} FROM orders
        WHERE seq > ${afterSeq} AND seq <= ${upTo} AND ${scope} ORDER BY seq LIMIT ${limit}`,
      );
      return rows.map((row) => scoped({ ...row, json: asBytes(row.json) }));
    },
    async countAfter(scope, afterSeq, upTo) {
      const [row] = await db.all(
        sql<{
          n: number | string;
        }>`SELECT count(*) AS n FROM orders WHERE seq > ${afterSeq} AND seq <= ${upTo} AND ${scope}`,
      );
      return Number(row?.n ?? 0);
    },
    async list({ where, sortExpr, direction, after, limit }) {
      const asc = direction === 'asc';
      const keyset = after
        ? asc
          ? sql`AND (${sortExpr} > ${after.value} OR (${sortExpr} = ${after.value} AND order_no > ${after.orderNo}))`
          : sql`AND (${sortExpr} < ${after.value} OR (${sortExpr} = ${after.value} AND order_no < ${after.orderNo}))`
        : sql``;
      const order = asc ? sql`${sortExpr} ASC, order_no ASC` : sql`${sortExpr} DESC, order_no DESC`;
      const rows = await db.all(
        sql<{ sortValue: number; orderNo: string; json: string } & ScopeColumns>`SELECT ${sortExpr} AS "sortValue",
         order_no AS "orderNo", record AS json, ${SCOPE} FROM orders
       WHERE (${where}) ${keyset}
       ORDER BY ${order} LIMIT ${limit}`,
      );
      return rows.map(({ sortValue, orderNo, json, ...scope }): ListRow => ({
        sortValue,
        orderNo,
        json,
        scope: scoped(scope),
      }));
    },
    async dueUnpaid(createdBefore, limit) {
      const rows = await db.all(
        sql<{ orderNo: string }>`SELECT order_no AS "orderNo" FROM orders
        WHERE status = 'PENDING_PAYMENT' AND created_at <= ${createdBefore} AND external_order_no IS NULL
        ORDER BY created_at LIMIT ${limit}`,
      );
      return rows.map((r) => r.orderNo);
    },
    async dueReview(heldBefore, limit) {
      const rows = await db.all(
        sql<{ orderNo: string }>`SELECT order_no AS "orderNo" FROM orders
        WHERE review_pending AND review_held_at <= ${heldBefore} ORDER BY review_held_at LIMIT ${limit}`,
      );
      return rows.map((r) => r.orderNo);
    },
    async buyerPaidBefore(buyerId, parentNo) {
      const row = await db.first(
        sql`SELECT 1 AS found FROM orders WHERE buyer_id = ${buyerId} AND paid_at IS NOT NULL
          AND parent_no <> ${parentNo} LIMIT 1`,
      );
      return row !== undefined;
    },
    async dueConfirm(now, limit) {
      const rows = await db.all(
        sql<{ orderNo: string }>`SELECT order_no AS "orderNo" FROM orders
        WHERE status = 'PENDING_RECEIPT' AND confirm_due_at <= ${now} ORDER BY confirm_due_at LIMIT ${limit}`,
      );
      return rows.map((r) => r.orderNo);
    },
  };
};

interface RawExit {
  seq: number;
  orderNo: string;
  kind: string;
  warehouseId: string | null;
  storeId: string | null;
  dealerId: string | null;
  shopId: string | null;
  reviewPending: unknown;
  curKind: string | null;
  curWarehouseId: string | null;
  curStoreId: string | null;
  curDealerId: string | null;
  curShopId: string | null;
  curReviewPending: unknown;
}

export const exitsRepo = (db: Sql): ExitsRepo => ({
  async insert(seq, orderNo, scope) {
    await db.run(
      sql`INSERT INTO order_exits (seq, order_no, kind, warehouse_id, store_id, dealer_id, shop_id, review_pending)
        VALUES (${seq}, ${orderNo}, ${scope.kind}, ${scope.warehouseId}, ${scope.storeId}, ${scope.dealerId},
          ${scope.shopId}, ${scope.reviewPending})`,
    );
  },
  async page(afterSeq, upTo, limit) {
    const rows = await db.all(
      sql<RawExit>`SELECT e.seq, e.order_no AS "orderNo", e.kind, e.warehouse_id AS "warehouseId",
         e.store_id AS "storeId", e.dealer_id AS "dealerId", e.shop_id AS "shopId",
         e.review_pending AS "reviewPending", o.kind AS "curKind", o.warehouse_id AS "curWarehouseId",
         o.store_id AS "curStoreId", o.dealer_id AS "curDealerId", o.shop_id AS "curShopId",
         o.review_pending AS "curReviewPending"
       FROM order_exits e LEFT JOIN orders o ON o.order_no = e.order_no
       WHERE e.seq > ${afterSeq} AND e.seq <= ${upTo} ORDER BY e.seq LIMIT ${limit}`,
    );
    return rows.map((r): ExitRow => ({
      seq: r.seq,
      orderNo: r.orderNo,
      kind: r.kind as OrderKind,
      warehouseId: r.warehouseId,
      storeId: r.storeId,
      dealerId: r.dealerId,
      shopId: r.shopId,
      reviewPending: flag(r.reviewPending),
      current:
        r.curKind === null
          ? null
          : {
              kind: r.curKind as OrderKind,
              warehouseId: r.curWarehouseId,
              storeId: r.curStoreId,
              dealerId: r.curDealerId,
              shopId: r.curShopId,
              reviewPending: flag(r.curReviewPending),
            },
    }));
  },
});
