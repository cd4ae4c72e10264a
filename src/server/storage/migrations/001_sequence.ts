import type { Migration } from './migration';

/**
 * The server sequence: every change a client can pull (an order, an order leaving a scope, a
 * catalogue item) takes the next value inside the transaction that makes the change, so a pull
 * cursor is a position in commit order, never a wall-clock time. SQLite: one counter row (its
 * units run one at a time, so commit order is sequence order). PostgreSQL: a sequence and a pull
 * horizon below every unit still open, so writers on several nodes never wait for each other.
 */
export const migration001Sequence: Migration = {
  version: 1,
  name: '001_sequence',
  up(db) {
    db.exec(`
      CREATE TABLE sync_sequence (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL CHECK (value >= 0)
      );
      INSERT INTO sync_sequence (id, value) VALUES (1, 0);

      -- Small facts about this database (e.g. that the demo company has been seeded).
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
  postgres: `
      CREATE TABLE settings (
        key   text PRIMARY KEY,
        value text NOT NULL
      );

      -- The server sequence. Units of several nodes take numbers at once and may commit out of
      -- order, so instead of one counter row that serialises every writer, a unit takes its first
      -- number with take_change_seq(), which keeps an advisory lock (the one-bigint form, reserved
      -- for change numbers) on it until the unit ends. change_horizon() answers the highest number
      -- below every unit still open: pulls read no further, so none can pass a change that commits
      -- late. Both briefly take the gate (4610, 1): a number is never taken between the moment the
      -- horizon reads the counter and the moment it reads the locks.
      CREATE SEQUENCE change_seq AS bigint;

      CREATE FUNCTION take_change_seq() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        taken bigint;
      BEGIN
        PERFORM pg_advisory_lock_shared(4610, 1);
        taken := nextval('change_seq');
        PERFORM pg_advisory_xact_lock(taken);
        PERFORM pg_advisory_unlock_shared(4610, 1);
        RETURN taken;
      END
      $$;

      CREATE FUNCTION change_horizon() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        assigned bigint;
        oldest_open bigint;
      BEGIN
        PERFORM pg_advisory_lock(4610, 1);
        SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO assigned FROM change_seq;
        SELECT min((l.classid::bigint << 32) | l.objid::bigint) INTO oldest_open FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
        PERFORM pg_advisory_unlock(4610, 1);
        RETURN LEAST(assigned, COALESCE(oldest_open - 1, assigned));
      END
      $$;
    `,
};
