import type { Migration } from './migration';

/**
 * 审单: an order's review hold (the service's ReviewRecord, as JSON) beside its other columns, and
 * the supervisor's queue of orders still waiting for a decision, oldest payment first, straight from
 * a partial index (a few dozen rows among a million).
 */
export const migration020Review: Migration = {
  version: 20,
  name: '020_review',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN review TEXT CHECK (review IS NULL OR json_valid(review));
      CREATE INDEX orders_review_pending ON orders (paid_at, id) WHERE json_extract(review, '$.status') = 'PENDING';
    `);
  },
};
