import type { OrderKind } from '../../../shared/domain/vocabulary';
import type { ExitsRepo, ExitRow, ListRow, OrderRow, OrdersRepo, OrderWrite, ScopeColumns } from '../repositories';
import { bool } from '../sql';
import { flag, type Prepare } from './statements';

const SCOPE = `kind, warehouse_id AS "warehouseId", store_id AS "storeId", dealer_id AS "dealerId", shop_id AS "shopId"`;
const ROW = `order_no AS "orderNo", seq, record AS json, receipt_extended AS "receiptExtended",
  confirm_due_at AS "confirmDueAt", ${SCOPE}`;

interface RawOrder extends Omit<OrderRow, 'receiptExtended' | 'kind'> {
  receiptExtended: number;
  kind: string;
}
const toOrder = (raw: RawOrder): OrderRow => ({
  ...raw,
  kind: raw.kind as OrderKind,
  receiptExtended: flag(raw.receiptExtended),
});

/** Column order shared by INSERT and UPDATE, so the two can never bind differently. */
const COLUMNS = [
  'parent_no',
  'kind',
  'source',
  'platform',
  'status',
  'payment_status',
  'refund_status',
  'locked',
  'has_exception',
  'merchant_id',
  'warehouse_id',
  'store_id',
  'dealer_id',
  'province',
  'payment_channel',
  'created_at',
  'paid_at',
  'shipped_at',
  'completed_at',
  'payable',
  'search_text',
  'receipt_extended',
  'confirm_due_at',
  'seq',
  'record',
  'shop_id',
  'external_order_no',
] as const;

const values = (o: OrderWrite): unknown[] => [
  o.parentNo,
  o.kind,
  o.source,
  o.platform,
  o.status,
  o.paymentStatus,
  o.refundStatus,
  bool(o.locked),
  bool(o.hasException),
  o.merchantId,
  o.warehouseId,
  o.storeId,
  o.dealerId,
  o.province,
  o.paymentChannel,
  o.createdAt,
  o.paidAt,
  o.shippedAt,
  o.completedAt,
  o.payable,
  o.searchText,
  bool(o.receiptExtended),
  o.confirmDueAt,
  o.seq,
  o.json,
  o.shopId,
  o.externalOrderNo,
];

const INSERT = `INSERT INTO orders (order_no, ${COLUMNS.join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')})`;
const UPDATE = `UPDATE orders SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE order_no = ?`;

/** A number already held stays with its first order: persist.ts refuses a second holder before writing. */
function claimWaybills(sql: Prepare, row: OrderWrite): void {
  for (const trackingNo of row.trackingNos)
    sql('INSERT OR IGNORE INTO waybill_numbers (tracking_no, order_no) VALUES (?, ?)').run(trackingNo, row.orderNo);
}

export const ordersRepo = (sql: Prepare): OrdersRepo => ({
  async get(orderNo) {
    const raw = sql(`SELECT ${ROW} FROM orders WHERE order_no = ?`).get(orderNo) as RawOrder | undefined;
    return raw ? toOrder(raw) : null;
  },
  async childrenOf(parentNo) {
    return (sql(`SELECT ${ROW} FROM orders WHERE parent_no = ? ORDER BY order_no`).all(parentNo) as RawOrder[]).map(
      toOrder,
    );
  },
  async parentExists(parentNo) {
    return sql('SELECT 1 FROM orders WHERE parent_no = ? LIMIT 1').get(parentNo) !== undefined;
  },
  async maxParentNo(prefix) {
    // A range on the primary key instead of LIKE: prefix + '~' sorts after every digit suffix.
    const row = sql('SELECT MAX(parent_no) AS m FROM orders WHERE parent_no >= ? AND parent_no < ?').get(
      prefix,
      `${prefix}~`,
    ) as { m: string | null };
    return row.m;
  },
  async insert(row) {
    sql(INSERT).run(row.orderNo, ...values(row));
    claimWaybills(sql, row);
  },
  async update(row) {
    sql(UPDATE).run(...values(row), row.orderNo);
    claimWaybills(sql, row);
  },
  async waybillHolder(trackingNo) {
    const row = sql('SELECT order_no AS "orderNo" FROM waybill_numbers WHERE tracking_no = ?').get(trackingNo) as
      { orderNo: string } | undefined;
    return row?.orderNo ?? null;
  },
  async pullPage(scope, afterSeq, limit) {
    // CAST AS BLOB hands back the stored bytes as they are (PostgreSQL: convert_to(record, 'UTF8')).
    return sql(
      `SELECT seq, CAST(record AS BLOB) AS json, ${SCOPE} FROM orders WHERE seq > ? AND ${scope.sql} ORDER BY seq LIMIT ?`,
    ).all(afterSeq, ...scope.params, limit) as Array<{ seq: number; json: Buffer } & ScopeColumns>;
  },
  async list({ where, sortExpr, direction, after, limit }) {
    const op = direction === 'asc' ? '>' : '<';
    const keyset = after ? `AND (${sortExpr} ${op} ? OR (${sortExpr} = ? AND order_no ${op} ?))` : '';
    const keysetParams = after ? [after.value, after.value, after.orderNo] : [];
    const rows = sql(
      `SELECT ${sortExpr} AS "sortValue", order_no AS "orderNo", record AS json, ${SCOPE} FROM orders
       WHERE (${where.sql}) ${keyset}
       ORDER BY ${sortExpr} ${direction}, order_no ${direction} LIMIT ?`,
    ).all(...where.params, ...keysetParams, limit) as Array<
      { sortValue: number; orderNo: string; json: string } & ScopeColumns
    >;
    return rows.map(({ sortValue, orderNo, json, ...scope }): ListRow => ({
      sortValue,
      orderNo,
      json,
      scope: scope as ScopeColumns,
    }));
  },
  async dueUnpaid(createdBefore, limit) {
    const rows = sql(
      `SELECT order_no AS "orderNo" FROM orders WHERE status = 'PENDING_PAYMENT' AND created_at <= ?
       ORDER BY created_at LIMIT ?`,
    ).all(createdBefore, limit) as Array<{ orderNo: string }>;
    return rows.map((r) => r.orderNo);
  },
  async dueConfirm(now, limit) {
    const rows = sql(
      `SELECT order_no AS "orderNo" FROM orders WHERE status = 'PENDING_RECEIPT' AND confirm_due_at <= ?
       ORDER BY confirm_due_at LIMIT ?`,
    ).all(now, limit) as Array<{ orderNo: string }>;
    return rows.map((r) => r.orderNo);
  },
});

interface RawExit {
  seq: number;
  orderNo: string;
  kind: string;
  warehouseId: string | null;
  storeId: string | null;
  dealerId: string | null;
  shopId: string | null;
  curKind: string | null;
  curWarehouseId: string | null;
  curStoreId: string | null;
  curDealerId: string | null;
  curShopId: string | null;
}

export const exitsRepo = (sql: Prepare): ExitsRepo => ({
  async insert(seq, orderNo, scope) {
    sql(
      `INSERT INTO order_exits (seq, order_no, kind, warehouse_id, store_id, dealer_id, shop_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(seq, orderNo, scope.kind, scope.warehouseId, scope.storeId, scope.dealerId, scope.shopId);
  },
  async page(afterSeq, limit) {
    const rows = sql(
      `SELECT e.seq, e.order_no AS "orderNo", e.kind, e.warehouse_id AS "warehouseId", e.store_id AS "storeId",
         e.dealer_id AS "dealerId", e.shop_id AS "shopId", o.kind AS "curKind", o.warehouse_id AS "curWarehouseId",
         o.store_id AS "curStoreId", o.dealer_id AS "curDealerId", o.shop_id AS "curShopId"
       FROM order_exits e LEFT JOIN orders o ON o.order_no = e.order_no
       WHERE e.seq > ? ORDER BY e.seq LIMIT ?`,
    ).all(afterSeq, limit) as RawExit[];
    return rows.map((r): ExitRow => ({
      seq: r.seq,
      orderNo: r.orderNo,
      kind: r.kind as OrderKind,
      warehouseId: r.warehouseId,
      storeId: r.storeId,
      dealerId: r.dealerId,
      shopId: r.shopId,
      current:
        r.curKind === null
          ? null
          : {
              kind: r.curKind as OrderKind,
              warehouseId: r.curWarehouseId,
              storeId: r.curStoreId,
              dealerId: r.curDealerId,
              shopId: r.curShopId,
            },
    }));
  },
});
