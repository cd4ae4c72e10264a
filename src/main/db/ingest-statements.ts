import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import { ORDER_COLUMNS } from './order-columns';
import { placeholders } from './sql';

/** Every statement ingest runs, prepared once per connection: preparing costs more than running. */
export interface IngestStatements {
  upsertParent: Statement;
  findOrder: Statement<[string], { id: number; parentId: number }>;
  insertOrder: Statement;
  updateOrder: Statement;
  clearChildren: Statement[];
  insertLine: Statement;
  insertReceiver: Statement;
  insertPromotion: Statement;
  insertInvoice: Statement;
  insertWaybill: Statement;
  insertWaybillLine: Statement;
  insertTrackingEvent: Statement;
  insertAfterSale: Statement;
  insertAfterSaleLine: Statement;
  insertRedemptionCode: Statement;
  insertTimeline: Statement;
  deleteOrder: Statement<[string], { parentId: number }>;
  deleteParentIfOrphan: Statement;
}

const cache = new WeakMap<Db, IngestStatements>();

const orderColumnNames = ORDER_COLUMNS.map(([c]) => c);

function prepare(db: Db): IngestStatements {
  return {
    // Buyer and payment live on the parent; the latest record of any of its children wins.
    upsertParent: db.prepare(`
      INSERT INTO parent_orders (parent_no, buyer_id, buyer_account, buyer_level, buyer_name,
                                 created_at, paid_at, payment_channel, payment_serial_no)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (parent_no) DO UPDATE SET
        buyer_id = excluded.buyer_id, buyer_account = excluded.buyer_account,
        buyer_level = excluded.buyer_level, buyer_name = excluded.buyer_name,
        created_at = excluded.created_at, paid_at = excluded.paid_at,
        payment_channel = excluded.payment_channel, payment_serial_no = excluded.payment_serial_no
      RETURNING id`),
    findOrder: db.prepare('SELECT id, parent_id AS parentId FROM orders WHERE order_no = ?'),
    insertOrder: db.prepare(
      `INSERT INTO orders (parent_id, ${orderColumnNames.join(', ')}) VALUES (?, ${placeholders(orderColumnNames.length)})`,
    ),
    updateOrder: db.prepare(
      `UPDATE orders SET parent_id = ?, ${orderColumnNames.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    // Waybills and after-sales take their own lines and events with them (ON DELETE CASCADE).
    clearChildren: [
      'order_lines',
      'order_receivers',
      'order_promotions',
      'order_invoices',
      'waybills',
      'after_sales',
      'redemption_codes',
      'order_timeline',
    ].map((table) => db.prepare(`DELETE FROM ${table} WHERE order_id = ?`)),
    insertLine: db.prepare(`
      INSERT INTO order_lines (order_id, line_no, merchant_id, sku, name, spec, image, unit_price, quantity,
                               discount, payable, shipped_qty, refunded_qty)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertReceiver: db.prepare(`
      INSERT INTO order_receivers (order_id, name, phone, province, city, district, address, postcode)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertPromotion: db.prepare(
      'INSERT INTO order_promotions (order_id, kind, ref_id, name, amount) VALUES (?, ?, ?, ?, ?)',
    ),
    insertInvoice: db.prepare(
      'INSERT INTO order_invoices (order_id, type, title_type, title, tax_no, content) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertWaybill: db.prepare(`
      INSERT INTO waybills (order_id, remote_id, carrier, tracking_no, shipped_at, status, signed_at, courier)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertWaybillLine: db.prepare('INSERT INTO waybill_lines (waybill_id, line_no, quantity) VALUES (?, ?, ?)'),
    insertTrackingEvent: db.prepare('INSERT INTO tracking_events (waybill_id, at, text) VALUES (?, ?, ?)'),
    insertAfterSale: db.prepare(`
      INSERT INTO after_sales (order_id, remote_id, after_sale_no, type, status, reason, amount,
                               created_at, updated_at, reject_reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertAfterSaleLine: db.prepare(
      'INSERT INTO after_sale_lines (after_sale_id, line_no, quantity) VALUES (?, ?, ?)',
    ),
    insertRedemptionCode: db.prepare(`
      INSERT INTO redemption_codes (order_id, code, valid_from, valid_to, uses_total, uses_left)
      VALUES (?, ?, ?, ?, ?, ?)`),
    insertTimeline: db.prepare(
      'INSERT INTO order_timeline (order_id, at, actor, device, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deleteOrder: db.prepare('DELETE FROM orders WHERE order_no = ? RETURNING parent_id AS parentId'),
    deleteParentIfOrphan: db.prepare(
      'DELETE FROM parent_orders WHERE id = @id AND NOT EXISTS (SELECT 1 FROM orders WHERE parent_id = @id)',
    ),
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
