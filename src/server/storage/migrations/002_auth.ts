import { oneOf } from '../sql';
import type { Migration } from './migration';

/** The roles as they were when this migration was released; 011 widens the list. */
const ROLES_002 = ['admin', 'warehouse', 'clerk', 'dealer', 'service'] as const;

export const migration002Auth: Migration = {
  version: 2,
  name: '002_auth',
  up(db) {
    db.exec(`
      -- password_hash is "scrypt$N$r$p$salt$hash" (base64url), so cost parameters can rise later
      -- without invalidating stored hashes. demo_only users sign in only while the service runs
      -- in demo mode: their password is printed in the README.
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (${oneOf('role', ROLES_002)}),
        scope         TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        demo_only     INTEGER NOT NULL CHECK (demo_only IN (0, 1)),
        created_at    INTEGER NOT NULL
      );

      -- Only a SHA-256 of each token is kept: a copied database does not hand out sessions.
      CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX tokens_expires ON tokens (expires_at);

      -- A device code is part of every order number made offline on that device (order-number.ts),
      -- so two devices must never share one. 0 is the service itself.
      CREATE TABLE devices (
        device_id     TEXT PRIMARY KEY,
        device_code   INTEGER NOT NULL UNIQUE CHECK (device_code BETWEEN 1 AND 9999),
        registered_by TEXT NOT NULL,
        registered_at INTEGER NOT NULL
      );
    `);
  },
  postgres: `
      CREATE TABLE users (
        id            text PRIMARY KEY,
        username      text NOT NULL UNIQUE,
        display_name  text NOT NULL,
        role          text NOT NULL CHECK (${oneOf('role', ROLES_002)}),
        scope         jsonb NOT NULL,
        password_hash text NOT NULL,
        demo_only     boolean NOT NULL,
        created_at    bigint NOT NULL
      );

      CREATE TABLE tokens (
        token_hash text PRIMARY KEY,
        user_id    text NOT NULL REFERENCES users (id),
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE INDEX tokens_expires ON tokens (expires_at);

      CREATE TABLE devices (
        device_id     text PRIMARY KEY,
        device_code   integer NOT NULL UNIQUE CHECK (device_code BETWEEN 1 AND 9999),
        registered_by text NOT NULL,
        registered_at bigint NOT NULL
      );
    `,
};
