import type { Migration } from './migration';

/**
 * A shop's connection to its platform (docs/connectors.md).
 *
 * - shop_connectors: which platform and gateway, the app key in clear and the app secret and
 *   session sealed (connectors/secrets.ts), paused or not, the two cursors (every order / refund
 *   modified before them has been read), when the next poll is due, and the health an admin sees:
 *   last poll, last success, last error, consecutive failures.
 * - connector_refunds: the platform's refunds as last read, with what a decision must quote
 *   (TOP's version and phase), so a write-back never has to ask first.
 */
export const migration022ShopConnectors: Migration = {
  version: 22,
  name: '022_shop_connectors',
  up(db) {
    db.exec(`
      CREATE TABLE shop_connectors (
        shop_id            TEXT PRIMARY KEY REFERENCES shops (id),
        platform           TEXT NOT NULL CHECK (platform IN ('taobao', 'pdd')),
        gateway            TEXT NOT NULL,
        app_key            TEXT NOT NULL,
        sealed_secrets     TEXT NOT NULL,
        paused             INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        orders_cursor      INTEGER NOT NULL,
        refunds_cursor     INTEGER NOT NULL,
        next_poll_at       INTEGER NOT NULL,
        last_poll_at       INTEGER,
        last_success_at    INTEGER,
        last_error_code    TEXT,
        last_error_message TEXT,
        last_error_at      INTEGER,
        failures           INTEGER NOT NULL DEFAULT 0,
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL
      );

      CREATE TABLE connector_refunds (
        shop_id           TEXT NOT NULL REFERENCES shop_connectors (shop_id),
        refund_id         TEXT NOT NULL,
        external_order_no TEXT NOT NULL,
        line_id           TEXT NOT NULL,
        status            TEXT NOT NULL,
        open              INTEGER NOT NULL CHECK (open IN (0, 1)),
        amount            INTEGER NOT NULL,
        reason            TEXT NOT NULL,
        version           TEXT NOT NULL,
        phase             TEXT NOT NULL,
        modified_at       INTEGER NOT NULL,
        PRIMARY KEY (shop_id, refund_id)
      ) WITHOUT ROWID;
      CREATE INDEX connector_refunds_order ON connector_refunds (shop_id, external_order_no);
    `);
  },
  postgres: `
      CREATE TABLE shop_connectors (
        shop_id            text PRIMARY KEY REFERENCES shops (id),
        platform           text NOT NULL CHECK (platform IN ('taobao', 'pdd')),
        gateway            text NOT NULL,
        app_key            text NOT NULL,
        sealed_secrets     text NOT NULL,
        paused             boolean NOT NULL DEFAULT false,
        orders_cursor      bigint NOT NULL,
        refunds_cursor     bigint NOT NULL,
        next_poll_at       bigint NOT NULL,
        last_poll_at       bigint,
        last_success_at    bigint,
        last_error_code    text,
        last_error_message text,
        last_error_at      bigint,
        failures           integer NOT NULL DEFAULT 0,
        created_at         bigint NOT NULL,
        updated_at         bigint NOT NULL
      );

      CREATE TABLE connector_refunds (
        shop_id           text NOT NULL REFERENCES shop_connectors (shop_id),
        refund_id         text NOT NULL,
        external_order_no text NOT NULL,
        line_id           text NOT NULL,
        status            text NOT NULL,
        open              boolean NOT NULL,
        amount            bigint NOT NULL,
        reason            text NOT NULL,
        version           text NOT NULL,
        phase             text NOT NULL,
        modified_at       bigint NOT NULL,
        PRIMARY KEY (shop_id, refund_id)
      );
      CREATE INDEX connector_refunds_order ON connector_refunds (shop_id, external_order_no);
    `,
};
