import type { Migration } from './migration';

/**
 * Indexes for the order list. Keyset paging reads a page by seeking into an index ordered by
 * (sort column, id) and walking it, so a page costs the same at any depth; SQLite appends the
 * rowid (our id) to every index, so "(x, created_at)" is already ordered by (x, created_at, id).
 *
 * Which query uses which index (pinned by EXPLAIN QUERY PLAN in test/main/db/query-plans.test.ts):
 * - everything, sorted by a column       → orders_created / _paid / _shipped / _payable
 * - a status tab, newest first           → orders_status_created
 * - the desk queue: 待发货 of my warehouse, oldest paid first → orders_warehouse_status_paid
 * - a store's or a dealer's orders       → orders_store_created, orders_dealer_created
 * - the exception and lock queues        → partial indexes: only the few flagged orders are in them
 * - 1–2 character free text              → prefix range scans on order_no (its UNIQUE index),
 *                                          orders_receiver_name, orders_receiver_phone
 * - anything else (a warehouse desk's whole list, a status sorted by payment time) walks the sort
 *   index and checks the filters row by row (query/access-plan.ts explains why).
 * Every index costs ingest about a microsecond per order, so there is no index per combination;
 * the ones above are the screens people sit in front of all day.
 */
export const migration006ListIndexes: Migration = {
  version: 6,
  name: '006_list_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX orders_created ON orders (created_at);
      CREATE INDEX orders_paid ON orders (paid_at);
      CREATE INDEX orders_shipped ON orders (shipped_at);
      CREATE INDEX orders_payable ON orders (payable);
      CREATE INDEX orders_status_created ON orders (status, created_at);
      CREATE INDEX orders_warehouse_status_paid ON orders (warehouse_id, status, paid_at);
      CREATE INDEX orders_store_created ON orders (store_id, created_at) WHERE store_id IS NOT NULL;
      CREATE INDEX orders_dealer_created ON orders (dealer_id, created_at) WHERE dealer_id IS NOT NULL;
      CREATE INDEX orders_exception_created ON orders (created_at) WHERE exception IS NOT NULL;
      CREATE INDEX orders_locked_created ON orders (created_at) WHERE locked = 1;
      CREATE INDEX orders_receiver_name ON orders (receiver_name) WHERE receiver_name IS NOT NULL;
      CREATE INDEX orders_receiver_phone ON orders (receiver_phone) WHERE receiver_phone IS NOT NULL;
    `);
  },
};
