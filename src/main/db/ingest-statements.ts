import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import { BulkInsert } from './bulk-insert';
import { ORDER_COLUMNS } from './order-columns';
import { SEARCH_COLUMNS } from './search-columns';

/** Everything ingest runs, prepared once per connection: preparing costs more than running. */
export interface IngestStatements {
  findOrders: Statement<[string], { orderNo: string; id: number; parentId: number }>;
  findParents: Statement<[string], { parentNo: string; id: number }>;
  maxIds: Statement<[], { parent: number; order: number; waybill: number; afterSale: number }>;
  updateParent: Statement;
  updateOrder: Statement;
  /** Children of the given order ids (a JSON array); waybills and after-sales take theirs along. */
  clearChildren: Statement<[string]>[];
  /** Indexes orders id BETWEEN ? AND ? for free text, in one statement (see migration 005). */
  indexForSearch: Statement<[number, number]>;
  deleteOrder: Statement<[string], { parentId: number }>;
  deleteParentIfOrphan: Statement<[{ id: number }]>;
  insert: {
    parents: BulkInsert;
    orders: BulkInsert;
    details: BulkInsert;
    lines: BulkInsert;
    waybills: BulkInsert;
    afterSales: BulkInsert;
    afterSaleLines: BulkInsert;
    redemptionCodes: BulkInsert;
  };
}

export const PARENT_COLUMNS = [
  'buyer_id',
  'buyer_account',
  'buyer_level',
  'buyer_name',
  'created_at',
  'paid_at',
  'payment_channel',
  'payment_serial_no',
] as const;

const ORDER_COLUMN_NAMES = ORDER_COLUMNS;

const cache = new WeakMap<Db, IngestStatements>();

function prepare(db: Db): IngestStatements {
  const bulk = (table: string, columns: readonly string[]) => new BulkInsert(db, table, columns);
  return {
    findOrders: db.prepare(
      'SELECT order_no AS orderNo, id, parent_id AS parentId FROM orders WHERE order_no IN (SELECT value FROM json_each(?))',
    ),
    findParents: db.prepare(
      'SELECT parent_no AS parentNo, id FROM parent_orders WHERE parent_no IN (SELECT value FROM json_each(?))',
    ),
    maxIds: db.prepare(`SELECT
      (SELECT coalesce(max(id), 0) FROM parent_orders) AS parent,
      (SELECT coalesce(max(id), 0) FROM orders) AS "order",
      (SELECT coalesce(max(id), 0) FROM waybills) AS waybill,
      (SELECT coalesce(max(id), 0) FROM after_sales) AS afterSale`),
    updateParent: db.prepare(
      `UPDATE parent_orders SET ${PARENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    updateOrder: db.prepare(
      `UPDATE orders SET parent_id = ?, ${ORDER_COLUMN_NAMES.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    clearChildren: ['order_details', 'order_lines', 'waybills', 'after_sales', 'redemption_codes'].map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE order_id IN (SELECT value FROM json_each(?))`),
    ),
    indexForSearch: db.prepare(
      `INSERT INTO orders_fts (rowid, ${SEARCH_COLUMNS.join(', ')})
       SELECT id, ${SEARCH_COLUMNS.join(', ')} FROM orders WHERE id BETWEEN ? AND ?`,
    ),
    deleteOrder: db.prepare('DELETE FROM orders WHERE order_no = ? RETURNING parent_id AS parentId'),
    deleteParentIfOrphan: db.prepare(
      'DELETE FROM parent_orders WHERE id = @id AND NOT EXISTS (SELECT 1 FROM orders WHERE parent_id = @id)',
    ),
    insert: {
      parents: bulk('parent_orders', ['id', 'parent_no', ...PARENT_COLUMNS]),
      orders: bulk('orders', ['id', 'parent_id', ...ORDER_COLUMN_NAMES]),
      details: bulk('order_details', ['order_id', 'detail']),
      lines: bulk('order_lines', [
        'order_id',
        'line_no',
        'merchant_id',
        'sku',
        'name',
        'spec',
        'image',
        'unit_price',
        'quantity',
        'discount',
        'payable',
        'shipped_qty',
        'refunded_qty',
      ]),
      waybills: bulk('waybills', [
        'id',
        'order_id',
        'remote_id',
        'carrier',
        'tracking_no',
        'shipped_at',
        'status',
        'signed_at',
        'courier',
      ]),
      afterSales: bulk('after_sales', [
        'id',
        'order_id',
        'remote_id',
        'after_sale_no',
        'type',
        'status',
        'reason',
        'amount',
        'created_at',
        'updated_at',
        'reject_reason',
      ]),
      afterSaleLines: bulk('after_sale_lines', ['after_sale_id', 'position', 'line_no', 'quantity']),
      redemptionCodes: bulk('redemption_codes', [
        'order_id',
        'code',
        'valid_from',
        'valid_to',
        'uses_total',
        'uses_left',
      ]),
    },
  };
}

export function ingestStatements(db: Db): IngestStatements {
  let statements = cache.get(db);
  if (!statements) {
    statements = prepare(db);
    cache.set(db, statements);
  }
  return statements;
}
