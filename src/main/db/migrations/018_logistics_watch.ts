import type { Migration } from './migration';

/**
 * 物流异常 as two columns of the order (shared/domain/logistics-watch.ts decides them): whether a
 * parcel came back or was refused, and since when the quietest parcel still in transit has had no
 * news. The filter is then one indexed test per column instead of a walk through every waybill's
 * events; both indexes are partial, so the orders nobody chases (nearly all) cost nothing.
 * Orders already on the desk get their values from their waybills here.
 * A buyer's return parcel is found by its tracking number at the return desk (退货扫描).
 */
export const migration018LogisticsWatch: Migration = {
  version: 18,
  name: '018_logistics_watch',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN tracking_troubled INTEGER NOT NULL DEFAULT 0 CHECK (tracking_troubled IN (0, 1));
      ALTER TABLE orders ADD COLUMN tracking_quiet_since INTEGER;
      CREATE INDEX orders_tracking_troubled ON orders (tracking_troubled) WHERE tracking_troubled = 1;
      CREATE INDEX orders_tracking_quiet ON orders (tracking_quiet_since) WHERE tracking_quiet_since IS NOT NULL;

      UPDATE orders SET
        tracking_troubled = EXISTS (SELECT 1 FROM waybills w WHERE w.order_id = orders.id AND w.status = 'RETURNED'),
        tracking_quiet_since = (
          SELECT MIN(COALESCE((SELECT MAX(e.at) FROM tracking_events e WHERE e.waybill_id = w.id AND e.at > w.shipped_at), w.shipped_at))
          FROM waybills w WHERE w.order_id = orders.id AND w.status = 'IN_TRANSIT')
        WHERE status IN ('PENDING_SHIPMENT', 'PENDING_RECEIPT');

      CREATE INDEX after_sales_return_tracking ON after_sales (json_extract(return_shipment, '$.trackingNo'))
        WHERE return_shipment IS NOT NULL;
    `);
  },
};
