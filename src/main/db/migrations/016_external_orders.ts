import type { Migration } from './migration';

/**
 * Orders from outside (a shop's platform, an ERP) carry where they came from: the shop and the
 * platform's own order number, which the desk shows, searches and scopes integration accounts by.
 * A buyer's return parcel is kept with its after-sale.
 * An open exception becomes a list of reasons with codes (exception-reasons.ts) instead of one
 * free text; a text from before is kept as an OTHER reason, opened when the order last changed.
 * sync_base holds service records verbatim, so its records get the same two changes.
 */
export const migration016ExternalOrders: Migration = {
  version: 16,
  name: '016_external_orders',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN external TEXT;
      ALTER TABLE orders ADD COLUMN shop_id TEXT;
      ALTER TABLE orders ADD COLUMN external_order_no TEXT;
      CREATE INDEX orders_external_no ON orders (external_order_no) WHERE external_order_no IS NOT NULL;
      CREATE INDEX orders_shop ON orders (shop_id) WHERE shop_id IS NOT NULL;
      -- The parcel a buyer sends goods back in, as JSON {carrier, trackingNo}.
      ALTER TABLE after_sales ADD COLUMN return_shipment TEXT;

      UPDATE orders SET exception = json_object(
          'reasons', json_array(json_object('code', 'OTHER', 'detail', substr(exception, 1, 300), 'lineNo', NULL)),
          'openedAt', updated_at)
        WHERE exception IS NOT NULL AND NOT json_valid(exception);

      UPDATE sync_base SET record = json_set(record, '$.exception', json_object(
          'reasons', json_array(json_object('code', 'OTHER', 'detail',
            substr(json_extract(record, '$.exception'), 1, 300), 'lineNo', NULL)),
          'openedAt', json_extract(record, '$.updatedAt')))
        WHERE json_type(record, '$.exception') = 'text';
      UPDATE sync_base SET record = json_set(record, '$.external', json('null'))
        WHERE json_type(record, '$.external') IS NULL;
    `);
  },
};
