import {
  ORDER_KINDS,
  ORDER_SOURCES,
  ORDER_STATUSES,
  PAYMENT_CHANNELS,
  PAYMENT_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
} from '../../../shared/domain/vocabulary';
import { oneOf } from '../sql';
import type { Migration } from './migration';

export const migration005Orders: Migration = {
  version: 5,
  name: '005_orders',
  up(db) {
    db.exec(`
      -- A child order. record is its OrderRecord as JSON, exactly what a pull sends: a page of a
      -- full sync is built by joining these strings, never by parsing them. The other columns are
      -- derived from the record when it is saved (orders/columns.ts) so that scope, filters, sort
      -- and timers are indexed queries; receipt_extended and confirm_due_at are service state the
      -- record does not carry.
      CREATE TABLE orders (
        order_no         TEXT PRIMARY KEY,
        parent_no        TEXT NOT NULL,
        kind             TEXT NOT NULL CHECK (${oneOf('kind', ORDER_KINDS)}),
        source           TEXT NOT NULL CHECK (${oneOf('source', ORDER_SOURCES)}),
        platform         TEXT NOT NULL CHECK (${oneOf('platform', PLATFORMS)}),
        status           TEXT NOT NULL CHECK (${oneOf('status', ORDER_STATUSES)}),
        payment_status   TEXT NOT NULL CHECK (${oneOf('payment_status', PAYMENT_STATUSES)}),
        refund_status    TEXT NOT NULL CHECK (${oneOf('refund_status', REFUND_STATUSES)}),
        locked           INTEGER NOT NULL CHECK (locked IN (0, 1)),
        has_exception    INTEGER NOT NULL CHECK (has_exception IN (0, 1)),
        merchant_id      TEXT NOT NULL,
        warehouse_id     TEXT,
        store_id         TEXT,
        dealer_id        TEXT,
        province         TEXT,
        payment_channel  TEXT CHECK (payment_channel IS NULL OR ${oneOf('payment_channel', PAYMENT_CHANNELS)}),
        created_at       INTEGER NOT NULL,
        paid_at          INTEGER,
        shipped_at       INTEGER,
        completed_at     INTEGER,
        payable          INTEGER NOT NULL CHECK (payable >= 0),
        -- lower-cased order no., receiver name and phone, tracking numbers: free-text search.
        search_text      TEXT NOT NULL,
        receipt_extended INTEGER NOT NULL CHECK (receipt_extended IN (0, 1)),
        confirm_due_at   INTEGER,
        seq              INTEGER NOT NULL UNIQUE,
        record           TEXT NOT NULL
      );
      CREATE INDEX orders_parent ON orders (parent_no);
      CREATE INDEX orders_created ON orders (created_at, order_no);
      -- The timer sweeps: unpaid orders by age, received-pending orders by their confirm deadline.
      CREATE INDEX orders_status_created ON orders (status, created_at);
      CREATE INDEX orders_status_confirm ON orders (status, confirm_due_at);

      -- An order leaving a scope (moved to another warehouse, store or dealer): the scope it had
      -- before, so callers who could see it then pull an order_removed. seq comes from the same
      -- sequence as orders.seq.
      CREATE TABLE order_exits (
        seq          INTEGER PRIMARY KEY,
        order_no     TEXT NOT NULL,
        kind         TEXT NOT NULL,
        warehouse_id TEXT,
        store_id     TEXT,
        dealer_id    TEXT
      );

      -- Stock held for an order's line until it ships, is cancelled or refunded. Orders that never
      -- reserved (imported history) have no rows, so releasing them gives nothing back.
      CREATE TABLE reservations (
        order_no     TEXT NOT NULL REFERENCES orders (order_no),
        line_no      INTEGER NOT NULL,
        sku          TEXT NOT NULL,
        warehouse_id TEXT NOT NULL,
        quantity     INTEGER NOT NULL CHECK (quantity >= 0),
        PRIMARY KEY (order_no, line_no)
      );
    `);
  },
  postgres: `
      CREATE TABLE orders (
        order_no         text COLLATE "C" PRIMARY KEY,
        parent_no        text COLLATE "C" NOT NULL,
        kind             text NOT NULL CHECK (${oneOf('kind', ORDER_KINDS)}),
        source           text NOT NULL CHECK (${oneOf('source', ORDER_SOURCES)}),
        platform         text NOT NULL CHECK (${oneOf('platform', PLATFORMS)}),
        status           text NOT NULL CHECK (${oneOf('status', ORDER_STATUSES)}),
        payment_status   text NOT NULL CHECK (${oneOf('payment_status', PAYMENT_STATUSES)}),
        refund_status    text NOT NULL CHECK (${oneOf('refund_status', REFUND_STATUSES)}),
        locked           boolean NOT NULL,
        has_exception    boolean NOT NULL,
        merchant_id      text NOT NULL,
        warehouse_id     text,
        store_id         text,
        dealer_id        text,
        province         text,
        payment_channel  text CHECK (payment_channel IS NULL OR ${oneOf('payment_channel', PAYMENT_CHANNELS)}),
        created_at       bigint NOT NULL,
        paid_at          bigint,
        shipped_at       bigint,
        completed_at     bigint,
        payable          bigint NOT NULL CHECK (payable >= 0),
        search_text      text NOT NULL,
        receipt_extended boolean NOT NULL,
        confirm_due_at   bigint,
        seq              bigint NOT NULL UNIQUE,
        record           jsonb NOT NULL
      );
      CREATE INDEX orders_parent ON orders (parent_no);
      CREATE INDEX orders_created ON orders (created_at, order_no);
      CREATE INDEX orders_status_created ON orders (status, created_at);
      CREATE INDEX orders_status_confirm ON orders (status, confirm_due_at);

      CREATE TABLE order_exits (
        seq          bigint PRIMARY KEY,
        order_no     text COLLATE "C" NOT NULL,
        kind         text NOT NULL,
        warehouse_id text,
        store_id     text,
        dealer_id    text
      );

      CREATE TABLE reservations (
        order_no     text COLLATE "C" NOT NULL REFERENCES orders (order_no),
        line_no      integer NOT NULL,
        sku          text NOT NULL,
        warehouse_id text NOT NULL,
        quantity     integer NOT NULL CHECK (quantity >= 0),
        PRIMARY KEY (order_no, line_no)
      );
    `,
};
