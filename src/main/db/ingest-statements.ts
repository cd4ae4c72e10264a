import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import { BulkInsert } from './bulk-insert';
import { ORDER_COLUMNS } from './order-columns';
import { AFTER_SALE_COLUMNS, CODE_COLUMNS, LINE_COLUMNS, PARENT_COLUMNS, WAYBILL_COLUMNS } from './prepare';
import { SEARCH_COLUMNS } from './search-columns';

/** Everything ingest runs, prepared once per connection: preparing costs more than running. */
export interface IngestStatements {
  db: Db;
  /** Raw rows [order_no, id, parent_id, ...ORDER_COLUMNS] of the numbers given (a JSON array). */
  findOrders: Statement<[string]>;
  /** Raw rows [parent_no, id, ...PARENT_COLUMNS]. */
  findParents: Statement<[string]>;
  maxIds: Statement<[], { parent: number; order: number; waybill: number; afterSale: number }>;
  updateParent: Statement;
  /** The stored collections of the order ids given (a JSON array), raw rows led by order_id, in record order. */
  storedLines: Statement<[string]>;
  storedWaybills: Statement<[string]>;
  storedAfterSales: Statement<[string]>;
  storedCodes: Statement<[string]>;
  /** A collection of the order ids given (a JSON array); an after-sale's lines are cleared before it. */
  clear: Record<'lines' | 'waybills' | 'afterSaleLines' | 'afterSales' | 'codes', Statement<[string]>>;
  /** Indexes orders id BETWEEN ? AND ? for free text, in one statement (see migration 005). */
  indexForSearch: Statement<[number, number]>;
  deleteOrder: Statement<[string], { parentId: number }>;
  deleteParentIfOrphan: Statement<[{ id: number }]>;
  insert: {
    parents: BulkInsert;
    orders: BulkInsert;
    /** An upsert: a changed order's detail is written without being read first (see applyBatch). */
    details: BulkInsert;
    lines: BulkInsert;
    waybills: BulkInsert;
    afterSales: BulkInsert;
    afterSaleLines: BulkInsert;
    redemptionCodes: BulkInsert;
  };
}

const cache = new WeakMap<Db, IngestStatements>();
const IDS = 'SELECT value FROM json_each(?)';

function prepare(db: Db): IngestStatements {
  const bulk = (table: string, columns: readonly string[], suffix?: string) =>
    new BulkInsert(db, table, columns, suffix);
  const stored = (table: string, columns: readonly string[], order: string) =>
    db.prepare(`SELECT order_id, ${columns.join(', ')} FROM ${table} WHERE order_id IN (${IDS}) ORDER BY ${order}`);
  const clear = (table: string) => db.prepare(`DELETE FROM ${table} WHERE order_id IN (${IDS})`);
  return {
    db,
    findOrders: db.prepare(
      `SELECT order_no, id, parent_id, ${ORDER_COLUMNS.join(', ')} FROM orders WHERE order_no IN (${IDS})`,
    ),
    findParents: db.prepare(
      `SELECT parent_no, id, ${PARENT_COLUMNS.join(', ')} FROM parent_orders WHERE parent_no IN (${IDS})`,
    ),
    maxIds: db.prepare(`SELECT
      (SELECT coalesce(max(id), 0) FROM parent_orders) AS parent,
      (SELECT coalesce(max(id), 0) FROM orders) AS "order",
      (SELECT coalesce(max(id), 0) FROM waybills) AS waybill,
      (SELECT coalesce(max(id), 0) FROM after_sales) AS afterSale`),
    updateParent: db.prepare(
      `UPDATE parent_orders SET ${PARENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    storedLines: stored('order_lines', LINE_COLUMNS, 'order_id, line_no'),
    storedWaybills: stored('waybills', WAYBILL_COLUMNS, 'order_id, id'),
    // An after-sale's lines compare as the JSON prepareOrders makes of them.
    storedAfterSales: db.prepare(
      `SELECT a.order_id, ${AFTER_SALE_COLUMNS.map((c) => `a.${c}`).join(', ')},
         (SELECT json_group_array(json_array(line_no, quantity))
            FROM (SELECT line_no, quantity FROM after_sale_lines WHERE after_sale_id = a.id ORDER BY position))
       FROM after_sales a WHERE a.order_id IN (${IDS}) ORDER BY a.order_id, a.id`,
    ),
    storedCodes: stored('redemption_codes', CODE_COLUMNS, 'order_id'),
    clear: {
      lines: clear('order_lines'),
      waybills: clear('waybills'),
      // By hand rather than by ON DELETE CASCADE: a bulk load writes with foreign keys off (bulk-load.ts).
      afterSaleLines: db.prepare(
        `DELETE FROM after_sale_lines WHERE after_sale_id IN (SELECT id FROM after_sales WHERE order_id IN (${IDS}))`,
      ),
      afterSales: clear('after_sales'),
      codes: clear('redemption_codes'),
    },
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
      orders: bulk('orders', ['id', 'parent_id', ...ORDER_COLUMNS]),
      details: bulk(
        'order_details',
        ['order_id', 'detail'],
        'ON CONFLICT (order_id) DO UPDATE SET detail = excluded.detail WHERE detail IS NOT excluded.detail',
      ),
      lines: bulk('order_lines', ['order_id', ...LINE_COLUMNS]),
      waybills: bulk('waybills', ['id', 'order_id', ...WAYBILL_COLUMNS]),
      afterSales: bulk('after_sales', ['id', 'order_id', ...AFTER_SALE_COLUMNS]),
      afterSaleLines: bulk('after_sale_lines', ['after_sale_id', 'position', 'line_no', 'quantity']),
      redemptionCodes: bulk('redemption_codes', ['order_id', ...CODE_COLUMNS]),
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
