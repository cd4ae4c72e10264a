import type { Migration } from './migration';

export const migration002Logistics: Migration = {
  version: 2,
  name: '002_logistics',
  up(db) {
    db.exec(`
      -- One parcel. remote_id is the order service's id for it; id is local. Its contents and
      -- events are (waybill id, position) collections, like an order's lines (migration 001).
      CREATE TABLE waybills (
        id                INTEGER PRIMARY KEY,
        order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        remote_id         TEXT NOT NULL,
        carrier           TEXT NOT NULL,
        tracking_no       TEXT NOT NULL,
        shipped_at        INTEGER NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('IN_TRANSIT', 'DELIVERED', 'RETURNED')),
        signed_at         INTEGER,
        courier           TEXT NOT NULL
      );
      CREATE INDEX waybills_order ON waybills (order_id);
      -- A scanned tracking number must find its parcel without going through full-text search.
      CREATE INDEX waybills_tracking_no ON waybills (tracking_no);

      -- What is inside each parcel: a line of the order and how many of it.
      CREATE TABLE waybill_lines (
        waybill_id        INTEGER NOT NULL REFERENCES waybills (id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        line_no           INTEGER NOT NULL CHECK (line_no >= 1),
        quantity          INTEGER NOT NULL CHECK (quantity >= 1),
        PRIMARY KEY (waybill_id, position)
      ) WITHOUT ROWID;

      CREATE TABLE tracking_events (
        waybill_id        INTEGER NOT NULL REFERENCES waybills (id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        at                INTEGER NOT NULL,
        text              TEXT NOT NULL,
        PRIMARY KEY (waybill_id, position)
      ) WITHOUT ROWID;
    `);
  },
};
