import type { Migration } from './migration';

/**
 * Every tracking number the service has given an order, so one waybill can never be put on two
 * orders (a label scanned twice, or two desks shipping with the same roll offline). Filled from
 * the orders already shipped; a number that somehow sits on two of them keeps the first holder.
 */
export const migration010WaybillNumbers: Migration = {
  version: 10,
  name: '010_waybill_numbers',
  up(db) {
    db.exec(`
      CREATE TABLE waybill_numbers (
        tracking_no TEXT PRIMARY KEY,
        order_no    TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO waybill_numbers (tracking_no, order_no)
        SELECT json_extract(w.value, '$.trackingNo'), o.order_no
        FROM orders o, json_each(o.record, '$.waybills') w
        ORDER BY o.seq;
    `);
  },
  postgres: `
      CREATE TABLE waybill_numbers (
        tracking_no text PRIMARY KEY,
        order_no    text COLLATE "C" NOT NULL
      );
      INSERT INTO waybill_numbers (tracking_no, order_no)
        SELECT w.value ->> 'trackingNo', o.order_no
        FROM orders o, jsonb_array_elements(o.record -> 'waybills') w
        ORDER BY o.seq
        ON CONFLICT DO NOTHING;
    `,
};
