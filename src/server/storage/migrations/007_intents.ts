import type { Migration } from './migration';

export const migration007Intents: Migration = {
  version: 7,
  name: '007_intents',
  up(db) {
    db.exec(`
      -- Every intent the service has decided, written in the same transaction as its effects: a
      -- retry finds its row and answers duplicate (or the same rejection) instead of applying twice.
      CREATE TABLE intents (
        id           TEXT PRIMARY KEY,
        user_id      TEXT NOT NULL,
        device_id    TEXT NOT NULL,
        device_seq   INTEGER NOT NULL,
        type         TEXT NOT NULL,
        order_no     TEXT,
        status       TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
        code         TEXT,
        message      TEXT,
        field_errors TEXT,
        conflict     TEXT,
        client_time  INTEGER NOT NULL,
        received_at  INTEGER NOT NULL
      );
      CREATE INDEX intents_device ON intents (device_id, device_seq);
    `);
  },
  postgres: `
      CREATE TABLE intents (
        id           text PRIMARY KEY,
        user_id      text NOT NULL,
        device_id    text NOT NULL,
        device_seq   bigint NOT NULL,
        type         text NOT NULL,
        order_no     text COLLATE "C",
        status       text NOT NULL CHECK (status IN ('applied', 'rejected')),
        code         text,
        message      text,
        field_errors jsonb,
        conflict     jsonb,
        client_time  bigint NOT NULL,
        received_at  bigint NOT NULL
      );
      CREATE INDEX intents_device ON intents (device_id, device_seq);
    `,
};
