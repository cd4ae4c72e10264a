import type { Migration } from './migration';

/** A subquery's JSON array of tuples, in order (an empty array when there are none). */
const tuples = (columns: string, from: string, order: string) =>
  `json((SELECT json_group_array(json_array(${columns})) FROM (SELECT * FROM ${from} ORDER BY ${order})))`;

/**
 * Detail-only data becomes one compact JSON value per order (src/main/db/detail-columns.ts says
 * the layout and why): receiver address, promotions, invoice, timeline, and each parcel's contents
 * and tracking events. Measured on the demo company, these were 8 of the 14 rows an order wrote
 * and 0.9 of its 1.9 KB on disk. The rows that are queried on their own stay rows: lines,
 * waybills (a scanned tracking number), after-sales (the review queue), redemption codes.
 */
export const migration019OrderDetails: Migration = {
  version: 19,
  name: '019_order_details',
  up(db) {
    db.exec(`
      CREATE TABLE order_details (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        detail   TEXT NOT NULL
      );

      INSERT INTO order_details (order_id, detail)
      SELECT o.id, json_object(
        'r', (SELECT json_array(district, address, postcode) FROM order_receivers WHERE order_id = o.id),
        'p', ${tuples('kind, ref_id, name, amount', 'order_promotions WHERE order_id = o.id', 'position')},
        'i', (SELECT json_array(type, title_type, title, tax_no, content) FROM order_invoices WHERE order_id = o.id),
        't', ${tuples('at, actor, device, action, detail', 'order_timeline WHERE order_id = o.id', 'position')},
        'w', json((SELECT json_group_array(json_array(
               ${tuples('line_no, quantity', 'waybill_lines WHERE waybill_id = w.id', 'position')},
               ${tuples('at, text', 'tracking_events WHERE waybill_id = w.id', 'position')}))
             FROM (SELECT id FROM waybills WHERE order_id = o.id ORDER BY id) w))
      ) FROM orders o;

      DROP TABLE order_receivers;
      DROP TABLE order_promotions;
      DROP TABLE order_invoices;
      DROP TABLE order_timeline;
      DROP TABLE waybill_lines;
      DROP TABLE tracking_events;
    `);
  },
};
