import type { Migration } from './migration';

/**
 * 审单: an order on review hold (待审核) is outside every warehouse's scope until it is approved,
 * so the flag sits beside the other scope columns (an exit remembers it, like the warehouse it left)
 * and the pull's scope clause can use it. When it was held lets the auto-approve timer find the
 * orders whose wait is over. The buyer's id answers the first-order rule ("has this buyer paid
 * before?") from an index instead of every record.
 */
export const migration023ReviewHold: Migration = {
  version: 23,
  name: '023_review_hold',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN review_pending INTEGER NOT NULL DEFAULT 0 CHECK (review_pending IN (0, 1));
      ALTER TABLE orders ADD COLUMN review_held_at INTEGER;
      CREATE INDEX orders_review_held ON orders (review_held_at) WHERE review_pending = 1;
      ALTER TABLE order_exits ADD COLUMN review_pending INTEGER NOT NULL DEFAULT 0 CHECK (review_pending IN (0, 1));
      ALTER TABLE orders ADD COLUMN buyer_id TEXT;
      UPDATE orders SET buyer_id = json_extract(record, '$.buyer.id');
      CREATE INDEX orders_buyer_paid ON orders (buyer_id, paid_at);
    `);
  },
  postgres: `
      ALTER TABLE orders ADD COLUMN review_pending boolean NOT NULL DEFAULT false;
      ALTER TABLE orders ADD COLUMN review_held_at bigint;
      CREATE INDEX orders_review_held ON orders (review_held_at) WHERE review_pending;
      ALTER TABLE order_exits ADD COLUMN review_pending boolean NOT NULL DEFAULT false;
      ALTER TABLE orders ADD COLUMN buyer_id text;
      UPDATE orders SET buyer_id = record->'buyer'->>'id';
      CREATE INDEX orders_buyer_paid ON orders (buyer_id, paid_at);
    `,
};
