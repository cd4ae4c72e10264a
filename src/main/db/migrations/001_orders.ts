import {
  INVOICE_TITLE_TYPES,
  INVOICE_TYPES,
  ORDER_KINDS,
  ORDER_SOURCES,
  ORDER_STATUSES,
  PAYMENT_CHANNELS,
  PAYMENT_STATUSES,
  PLATFORMS,
  PROMOTION_KINDS,
  REFUND_STATUSES,
} from '../../../shared/domain/vocabulary';
import { oneOf } from '../sql';
import type { Migration } from './migration';

/*
 * The CHECKs are derived from the vocabulary tuples so that SQL and zod cannot drift apart for a
 * fresh database. SQLite cannot alter a CHECK in place: adding a value to a tuple later needs a new
 * migration that rebuilds the table for databases created before the change.
 */
const fen = (column: string) => `${column} INTEGER NOT NULL CHECK (${column} >= 0)`;

export const migration001Orders: Migration = {
  version: 1,
  name: '001_orders',
  up(db) {
    db.exec(`
      -- One checkout. Payment and the buyer belong here (domain.md: payment happens on the parent).
      CREATE TABLE parent_orders (
        id                INTEGER PRIMARY KEY,
        parent_no         TEXT NOT NULL UNIQUE,
        buyer_id          TEXT NOT NULL,
        buyer_account     TEXT NOT NULL,
        buyer_level       TEXT NOT NULL,
        buyer_name        TEXT NOT NULL,
        created_at        INTEGER NOT NULL,
        paid_at           INTEGER,
        payment_channel   TEXT CHECK (payment_channel IS NULL OR ${oneOf('payment_channel', PAYMENT_CHANNELS)}),
        payment_serial_no TEXT
      );

      -- The child order: the unit of the list, of shipping, status and after-sales.
      CREATE TABLE orders (
        id                INTEGER PRIMARY KEY,
        order_no          TEXT NOT NULL UNIQUE,
        parent_id         INTEGER NOT NULL REFERENCES parent_orders (id),
        kind              TEXT NOT NULL CHECK (${oneOf('kind', ORDER_KINDS)}),
        source            TEXT NOT NULL CHECK (${oneOf('source', ORDER_SOURCES)}),
        platform          TEXT NOT NULL CHECK (${oneOf('platform', PLATFORMS)}),
        status            TEXT NOT NULL CHECK (${oneOf('status', ORDER_STATUSES)}),
        payment_status    TEXT NOT NULL CHECK (${oneOf('payment_status', PAYMENT_STATUSES)}),
        refund_status     TEXT NOT NULL CHECK (${oneOf('refund_status', REFUND_STATUSES)}),
        locked            INTEGER NOT NULL CHECK (locked IN (0, 1)),
        lock_reason       TEXT,
        exception         TEXT,
        merchant_id       TEXT NOT NULL,
        merchant_name     TEXT NOT NULL,
        warehouse_id      TEXT,
        store_id          TEXT,
        dealer_id         TEXT,
        ${fen('goods_total')},
        ${fen('freight')},
        ${fen('freight_insurance')},
        ${fen('coupon_discount')},
        ${fen('campaign_discount')},
        ${fen('member_discount')},
        ${fen('member_benefit')},
        ${fen('points_deduction')},
        points_used       INTEGER NOT NULL CHECK (points_used >= 0),
        ${fen('coin_deduction')},
        ${fen('payable')},
        ${fen('paid')},
        remark            TEXT NOT NULL DEFAULT '',
        created_at        INTEGER NOT NULL,
        paid_at           INTEGER,
        shipped_at        INTEGER,
        completed_at      INTEGER,
        updated_at        INTEGER NOT NULL,
        -- List columns, copied from the children on every upsert. The list filters and shows them
        -- for every row while walking a sort index; reading them from the order row costs nothing,
        -- while a join (receiver) or an aggregate (lines, waybills) per row would cost a lookup or
        -- a GROUP BY for each of the rows scanned. The FTS index also reads its text from here.
        receiver_name     TEXT,
        receiver_phone    TEXT,
        receiver_province TEXT,
        receiver_city     TEXT,
        item_summary      TEXT NOT NULL,
        item_count        INTEGER NOT NULL CHECK (item_count >= 0),
        tracking_nos      TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX orders_parent ON orders (parent_id);

      -- Collections that belong to one order (lines, promotions, timeline, and later parcel
      -- contents, tracking events, after-sale lines) are keyed by (owner id, position) WITHOUT
      -- ROWID: one B-tree instead of a table plus an owner index, the rows of one order stored
      -- together for the detail view, and the record's array order kept by the key itself.

      -- Snapshots: what was bought, at the price and description of the moment it was bought.
      CREATE TABLE order_lines (
        order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        line_no           INTEGER NOT NULL CHECK (line_no >= 1),
        merchant_id       TEXT NOT NULL,
        sku               TEXT NOT NULL,
        name              TEXT NOT NULL,
        spec              TEXT NOT NULL,
        image             TEXT NOT NULL,
        ${fen('unit_price')},
        quantity          INTEGER NOT NULL CHECK (quantity >= 1),
        ${fen('discount')},
        ${fen('payable')},
        shipped_qty       INTEGER NOT NULL CHECK (shipped_qty >= 0),
        refunded_qty      INTEGER NOT NULL CHECK (refunded_qty >= 0),
        PRIMARY KEY (order_id, line_no)
      ) WITHOUT ROWID;

      -- One per order at most; the order id is the key. Virtual goods have none.
      CREATE TABLE order_receivers (
        order_id          INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        name              TEXT NOT NULL,
        phone             TEXT NOT NULL,
        province          TEXT NOT NULL,
        city              TEXT NOT NULL,
        district          TEXT NOT NULL,
        address           TEXT NOT NULL,
        postcode          TEXT NOT NULL
      );

      CREATE TABLE order_promotions (
        order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        kind              TEXT NOT NULL CHECK (${oneOf('kind', PROMOTION_KINDS)}),
        ref_id            TEXT NOT NULL,
        name              TEXT NOT NULL,
        ${fen('amount')},
        PRIMARY KEY (order_id, position)
      ) WITHOUT ROWID;

      CREATE TABLE order_invoices (
        order_id          INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        type              TEXT NOT NULL CHECK (${oneOf('type', INVOICE_TYPES)}),
        title_type        TEXT NOT NULL CHECK (${oneOf('title_type', INVOICE_TITLE_TYPES)}),
        title             TEXT NOT NULL,
        tax_no            TEXT NOT NULL,
        content           TEXT NOT NULL
      );

      -- Who did what, when, from which device (domain.md: every change is recorded).
      CREATE TABLE order_timeline (
        order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        at                INTEGER NOT NULL,
        actor             TEXT NOT NULL,
        device            TEXT NOT NULL,
        action            TEXT NOT NULL,
        detail            TEXT NOT NULL,
        PRIMARY KEY (order_id, position)
      ) WITHOUT ROWID;
    `);
  },
};
