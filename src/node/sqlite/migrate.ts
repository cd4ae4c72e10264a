import type { Db } from './open';

/**
 * One schema step. `up` runs inside a transaction opened by the runner, so a migration that
 * throws halfway leaves the database exactly as it was. Migrations are append-only: once
 * released, a migration's SQL never changes; a later one alters what it made.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/**
 * Where a database keeps the version it is at: PRAGMA user_version (the desk), or a table of the
 * steps applied with their time (the service, whose PostgreSQL store keeps the same table).
 */
export interface VersionBook {
  read(db: Db): number;
  /** Called inside the migration's own transaction. */
  record(db: Db, migration: Migration): void;
}

export const USER_VERSION: VersionBook = {
  read: (db) => db.pragma('user_version', { simple: true }) as number,
  record: (db, m) => {
    db.pragma(`user_version = ${m.version}`);
  },
};

export const MIGRATIONS_TABLE: VersionBook = {
  read(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    )`);
    return (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
  },
  record(db, m) {
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      m.version,
      m.name,
      Date.now(),
    );
  },
};

/**
 * Applies the pending migrations in order, each in its own transaction together with its record
 * in the version book, so a crash between two leaves a consistent, resumable version. `to` stops
 * early: each migration's test looks at the schema right after its own step. A database written
 * by a newer build is refused: guessing at a schema we do not know could only do harm.
 */
export function runMigrations(
  db: Db,
  migrations: readonly Migration[],
  book: VersionBook,
  { to = migrations.length, owner = 'this build' }: { to?: number; owner?: string } = {},
): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = book.read(db);
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than ${owner} (${migrations.length})`);
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > to) continue;
    db.transaction(() => {
      m.up(db);
      book.record(db, m);
    })();
  }
  return book.read(db);
}
