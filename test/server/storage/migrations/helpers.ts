import { expect } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../../src/server/storage/migrations';

/** A fresh in-memory database brought up to (and only to) the given migration. */
export function migratedTo(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, { to: version })).toBe(version);
  return db;
}

export const columns = (db: Database.Database, table: string): string[] =>
  (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);

export const tables = (db: Database.Database): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  ).map((t) => t.name);
