import { OUTBOUND_EVENT_TYPES } from '../../outbound/events';
import { oneOf } from '../sql';
import type { Migration } from './migration';

/**
 * The outbound queue: what each source must learn about its orders, written in the same
 * transaction as the change (so a change is never told twice or lost), delivered in id order per
 * order, retried with backoff, and parked as 'dead' when the source keeps refusing, until an admin
 * replays it. event_id is the idempotency key receivers deduplicate by.
 */
export const migration020Outbound: Migration = {
  version: 20,
  name: '020_outbound',
  up(db) {
    db.exec(`
      CREATE TABLE outbound_events (
        id                INTEGER PRIMARY KEY,
        event_id          TEXT NOT NULL UNIQUE,
        shop_id           TEXT NOT NULL REFERENCES shops (id),
        order_no          TEXT NOT NULL,
        external_order_no TEXT NOT NULL,
        type              TEXT NOT NULL CHECK (${oneOf('type', OUTBOUND_EVENT_TYPES)}),
        body              TEXT NOT NULL,
        created_at        INTEGER NOT NULL,
        state             TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at   INTEGER NOT NULL,
        last_error        TEXT,
        delivered_at      INTEGER,
        dead_at           INTEGER
      );
      CREATE INDEX outbound_due ON outbound_events (next_attempt_at, id) WHERE state = 'pending';
      CREATE INDEX outbound_order ON outbound_events (order_no, id);
      CREATE INDEX outbound_dead ON outbound_events (dead_at) WHERE state = 'dead';
    `);
  },
  postgres: `
      CREATE TABLE outbound_events (
        id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id          text NOT NULL UNIQUE,
        shop_id           text NOT NULL REFERENCES shops (id),
        order_no          text COLLATE "C" NOT NULL,
        external_order_no text NOT NULL,
        type              text NOT NULL CHECK (${oneOf('type', OUTBOUND_EVENT_TYPES)}),
        body              text NOT NULL,
        created_at        bigint NOT NULL,
        state             text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at   bigint NOT NULL,
        last_error        text,
        delivered_at      bigint,
        dead_at           bigint
      );
      CREATE INDEX outbound_due ON outbound_events (next_attempt_at, id) WHERE state = 'pending';
      CREATE INDEX outbound_order ON outbound_events (order_no, id);
      CREATE INDEX outbound_dead ON outbound_events (dead_at) WHERE state = 'dead';
    `,
};
