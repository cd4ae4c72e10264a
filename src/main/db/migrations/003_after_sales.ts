import { AFTER_SALE_STATUSES, AFTER_SALE_TYPES } from '../../../shared/domain/vocabulary';
import { oneOf } from '../sql';
import type { Migration } from './migration';

export const migration003AfterSales: Migration = {
  version: 3,
  name: '003_after_sales',
  up(db) {
    db.exec(`
      CREATE TABLE after_sales (
        id                INTEGER PRIMARY KEY,
        order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        remote_id         TEXT NOT NULL,
        after_sale_no     TEXT NOT NULL,
        type              TEXT NOT NULL CHECK (${oneOf('type', AFTER_SALE_TYPES)}),
        status            TEXT NOT NULL CHECK (${oneOf('status', AFTER_SALE_STATUSES)}),
        reason            TEXT NOT NULL,
        amount            INTEGER NOT NULL CHECK (amount >= 0),
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        reject_reason     TEXT
      );
      CREATE INDEX after_sales_order ON after_sales (order_id);
      -- The review queue finds requests by number and by status without touching orders.
      CREATE INDEX after_sales_no ON after_sales (after_sale_no);
      CREATE INDEX after_sales_status ON after_sales (status, created_at);

      -- Empty lines mean the request covers the whole child order.
      CREATE TABLE after_sale_lines (
        after_sale_id     INTEGER NOT NULL REFERENCES after_sales (id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        line_no           INTEGER NOT NULL CHECK (line_no >= 1),
        quantity          INTEGER NOT NULL CHECK (quantity >= 1),
        PRIMARY KEY (after_sale_id, position)
      ) WITHOUT ROWID;
    `);
  },
};
