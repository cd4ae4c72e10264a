import { PAYMENT_CHANNELS } from '../../../shared/domain/vocabulary';
import { oneOf } from '../sql';
import type { Migration } from './migration';

export const migration008Refunds: Migration = {
  version: 8,
  name: '008_refunds',
  up(db) {
    db.exec(`
      -- Money sent back. It goes by the route it came (domain.md): the channel and the serial no.
      -- of the original payment are kept with it for reconciliation.
      CREATE TABLE refunds (
        id                 TEXT PRIMARY KEY,
        order_no           TEXT NOT NULL REFERENCES orders (order_no),
        after_sale_id      TEXT NOT NULL,
        amount             INTEGER NOT NULL CHECK (amount >= 0),
        channel            TEXT CHECK (channel IS NULL OR ${oneOf('channel', PAYMENT_CHANNELS)}),
        original_serial_no TEXT,
        refunded_at        INTEGER NOT NULL,
        refunded_by        TEXT NOT NULL,
        UNIQUE (order_no, after_sale_id)
      );
    `);
  },
  postgres: `
      CREATE TABLE refunds (
        id                 text PRIMARY KEY,
        order_no           text COLLATE "C" NOT NULL REFERENCES orders (order_no),
        after_sale_id      text NOT NULL,
        amount             bigint NOT NULL CHECK (amount >= 0),
        channel            text CHECK (channel IS NULL OR ${oneOf('channel', PAYMENT_CHANNELS)}),
        original_serial_no text,
        refunded_at        bigint NOT NULL,
        refunded_by        text NOT NULL,
        UNIQUE (order_no, after_sale_id)
      );
    `,
};
