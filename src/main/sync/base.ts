import type { OrderRecord } from '../../shared/contract/records';
import type { Db } from '../db/connection';
import { outboxOf } from '../db/outbox';

/** The service's last record of an order that has unanswered local edits (see migration 009). */
export function readBase(db: Db, orderNo: string): OrderRecord | null {
  const row = db.prepare('SELECT record FROM sync_base WHERE order_no = ?').get(orderNo) as
    { record: string } | undefined;
  return row ? (JSON.parse(row.record) as OrderRecord) : null;
}

export function writeBase(db: Db, record: OrderRecord): void {
  db.prepare('INSERT OR REPLACE INTO sync_base (order_no, record) VALUES (?, ?)').run(
    record.orderNo,
    JSON.stringify(record),
  );
}

/** Only the first local edit keeps a base: later edits stack on the same service truth. */
export function keepBaseOnce(db: Db, record: OrderRecord): void {
  db.prepare('INSERT OR IGNORE INTO sync_base (order_no, record) VALUES (?, ?)').run(
    record.orderNo,
    JSON.stringify(record),
  );
}

export function dropBase(db: Db, orderNo: string): void {
  db.prepare('DELETE FROM sync_base WHERE order_no = ?').run(orderNo);
}

export const ordersWithPendingIntents = (db: Db): Set<string> => outboxOf(db).ordersWithPending();
