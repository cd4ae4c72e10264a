import type { Migration } from './migration';

/**
 * 拆单 and 合单 on the desk's copy of an order: the plan as the record carries it (`{split?,
 * merge?}` as JSON, NULL for an order shipped the ordinary way), and the merge's id on its own,
 * indexed, so opening one order of a merge finds the others without reading every plan.
 */
export const migration017ShippingPlan: Migration = {
  version: 17,
  name: '017_shipping_plan',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN shipping_plan TEXT CHECK (shipping_plan IS NULL OR json_valid(shipping_plan));
      ALTER TABLE orders ADD COLUMN merge_id TEXT;
      CREATE INDEX orders_merge ON orders (merge_id) WHERE merge_id IS NOT NULL;
    `);
  },
};
