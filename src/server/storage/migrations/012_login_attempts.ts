import type { Migration } from './migration';

/**
 * Sign-in attempts, counted in the store before the password is checked, so concurrent guesses
 * are each counted and several service nodes share one count. `state`: `checking` while the
 * password check runs, `failed` after a wrong one, `refused` when it was turned away unchecked
 * (too many in flight) but still counts against the account. Rows older than the window go.
 */
export const migration012LoginAttempts: Migration = {
  version: 12,
  name: '012_login_attempts',
  up(db) {
    db.exec(`
      CREATE TABLE login_attempts (
        id       INTEGER PRIMARY KEY,
        user_key TEXT NOT NULL,
        address  TEXT NOT NULL,
        at       INTEGER NOT NULL,
        state    TEXT NOT NULL CHECK (state IN ('checking', 'failed', 'refused'))
      );
      CREATE INDEX login_attempts_user ON login_attempts (user_key, at);
      CREATE INDEX login_attempts_address ON login_attempts (address, at);
      CREATE INDEX login_attempts_at ON login_attempts (at);
    `);
  },
};
