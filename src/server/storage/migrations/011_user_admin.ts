import { ROLES } from '../../../shared/domain/vocabulary';
import { oneOf } from '../sql';
import type { Migration } from './migration';

/**
 * Users an admin manages: the `integration` role joins the CHECK, and an account can be disabled
 * (kept, with its history, but signed out and refused). SQLite cannot alter a CHECK, so users is
 * rebuilt; tokens refer to it and are rebuilt around it (a parent table with children cannot be
 * dropped while foreign keys are enforced, and they are, inside a migration's transaction).
 */
export const migration011UserAdmin: Migration = {
  version: 11,
  name: '011_user_admin',
  up(db) {
    db.exec(`
      CREATE TABLE tokens_kept AS SELECT token_hash, user_id, created_at, expires_at FROM tokens;
      DROP TABLE tokens;

      CREATE TABLE users_next (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (${oneOf('role', ROLES)}),
        scope         TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        demo_only     INTEGER NOT NULL CHECK (demo_only IN (0, 1)),
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
      );
      INSERT INTO users_next (id, username, display_name, role, scope, password_hash, demo_only, disabled,
                              created_at, updated_at)
        SELECT id, username, display_name, role, scope, password_hash, demo_only, 0, created_at, created_at FROM users;
      DROP TABLE users;
      ALTER TABLE users_next RENAME TO users;

      CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX tokens_expires ON tokens (expires_at);
      CREATE INDEX tokens_user ON tokens (user_id);
      INSERT INTO tokens SELECT * FROM tokens_kept;
      DROP TABLE tokens_kept;
    `);
  },
  // PostgreSQL alters in place: the CHECK is replaced, the columns are added (at the end of the
  // table, which no query depends on).
  postgres: `
      ALTER TABLE users DROP CONSTRAINT users_role_check;
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (${oneOf('role', ROLES)});
      ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
      ALTER TABLE users ADD COLUMN updated_at bigint;
      UPDATE users SET updated_at = created_at;
      ALTER TABLE users ALTER COLUMN updated_at SET NOT NULL;
      CREATE INDEX tokens_user ON tokens (user_id);
    `,
};
