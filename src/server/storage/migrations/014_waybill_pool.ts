import type { Migration } from './migration';

/**
 * 电子面单 number pools: the tracking numbers a carrier allotted to a warehouse, loaded by an admin
 * (a range or a list), handed out in blocks to desks so they can print labels offline. A number is
 * FREE, RESERVED by one desk's block (`reservation` is the desk's request id, so a retried request
 * gets the same block), USED by one order, or VOID (a spoiled label: never handed out or used again).
 */
export const migration014WaybillPool: Migration = {
  version: 14,
  name: '014_waybill_pool',
  up(db) {
    db.exec(`
      CREATE TABLE waybill_pool (
        tracking_no   TEXT PRIMARY KEY,
        carrier       TEXT NOT NULL,
        warehouse_id  TEXT NOT NULL REFERENCES warehouses (id),
        position      INTEGER NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('FREE', 'RESERVED', 'USED', 'VOID')),
        device_id     TEXT,
        reservation   TEXT,
        reserved_at   INTEGER,
        order_no      TEXT,
        used_at       INTEGER,
        void_reason   TEXT,
        voided_at     INTEGER
      ) WITHOUT ROWID;
      -- Numbers leave a pool in the order they were loaded.
      CREATE INDEX waybill_pool_next ON waybill_pool (carrier, warehouse_id, state, position);
      CREATE INDEX waybill_pool_reservation ON waybill_pool (reservation) WHERE reservation IS NOT NULL;
    `);
  },
  postgres: `
      CREATE TABLE waybill_pool (
        tracking_no   text PRIMARY KEY,
        carrier       text NOT NULL,
        warehouse_id  text NOT NULL REFERENCES warehouses (id),
        position      bigint NOT NULL,
        state         text NOT NULL CHECK (state IN ('FREE', 'RESERVED', 'USED', 'VOID')),
        device_id     text,
        reservation   text,
        reserved_at   bigint,
        order_no      text,
        used_at       bigint,
        void_reason   text,
        voided_at     bigint
      );
      CREATE INDEX waybill_pool_next ON waybill_pool (carrier, warehouse_id, state, position);
      CREATE INDEX waybill_pool_reservation ON waybill_pool (reservation) WHERE reservation IS NOT NULL;
    `,
};
