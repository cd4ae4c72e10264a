import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../../../src/server/storage/migrations';
import { SqliteStore } from '../../../src/server/storage/sqlite/store';

const open = () => {
  const db = new Database(':memory:');
  migrate(db);
  return db;
};

describe('the SQLite store', () => {
  it('commits queued units together, rolling back only the one that failed', async () => {
    const db = open();
    const store = new SqliteStore(db);
    const outcomes = await Promise.allSettled([
      store.unit((tx) => tx.sequence.next()),
      store.unit(async (tx) => {
        await tx.sequence.next();
        throw new Error('refused half way');
      }),
      store.unit((tx) => tx.sequence.next()),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'failed'))).toEqual([1, 'failed', 2]);
    expect(await store.unit((tx) => tx.sequence.current())).toBe(2);
    await store.close();
  });

  it('never interleaves units, however they await', async () => {
    const store = new SqliteStore(open());
    const trace: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        store.unit(async (tx) => {
          trace.push(`${name}:start`);
          await tx.sequence.next();
          await tx.settings.set(name, name);
          trace.push(`${name}:end`);
        }),
      ),
    );
    expect(trace).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    await store.close();
  });

  it('undoes an attempt that throws, keeping the rest of the unit', async () => {
    const store = new SqliteStore(open());
    await store.unit(async (tx) => {
      await tx.settings.set('kept', '1');
      await expect(
        tx.attempt(async () => {
          await tx.settings.set('undone', '1');
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
    });
    expect(await store.unit((tx) => tx.settings.get('kept'))).toBe('1');
    expect(await store.unit((tx) => tx.settings.get('undone'))).toBeNull();
    await store.close();
  });

  it('migrates once, and refuses a database from a newer build', () => {
    const db = open();
    expect(migrate(db)).toBe(LATEST_VERSION);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      LATEST_VERSION + 1,
      'future',
      0,
    );
    expect(() => migrate(db)).toThrow(/newer/);
  });
});
