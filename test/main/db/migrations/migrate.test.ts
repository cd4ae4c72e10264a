import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../../src/main/db/migrations';

describe('migrate', () => {
  it('numbers migrations upwards from 1 and names each after its number', () => {
    expect(MIGRATIONS[0]?.version).toBe(1);
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]?.version ?? 0);
      expect(m.name).toMatch(new RegExp(`^${String(m.version).padStart(3, '0')}_`));
    });
  });

  it('brings a new database to the latest version and records it in user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('does nothing the second time', () => {
    const db = new Database(':memory:');
    migrate(db);
    const schema = db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all();
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
  });

  it('continues an older database from where it stopped', () => {
    const db = new Database(':memory:');
    migrate(db, { to: 3 });
    expect(schemaVersion(db)).toBe(3);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('leaves a database untouched when a migration fails halfway', () => {
    const db = new Database(':memory:');
    migrate(db, { to: 6 });
    db.exec('CREATE TABLE outbox (id TEXT)'); // a clash 007 will run into
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sync_state'").get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer version of the app', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });
});
