import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from './helpers';

describe('migration 015: limit hits', () => {
  it('keeps each hit of a key with its time, found by bucket, key and time', () => {
    const db = migratedTo(15);
    expect(columns(db, 'limit_hits')).toEqual(['bucket', 'key', 'at']);
    const insert = db.prepare('INSERT INTO limit_hits (bucket, key, at) VALUES (?, ?, ?)');
    insert.run('codes-per-clerk', 'U-1', 10);
    insert.run('codes-per-clerk', 'U-1', 20);
    insert.run('codes-per-store', 'ST-01', 20);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT at FROM limit_hits WHERE bucket = 'codes-per-clerk' AND key = 'U-1' AND at > 5",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX limit_hits_key/);
  });
});
