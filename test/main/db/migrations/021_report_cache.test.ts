import { describe, expect, it } from 'vitest';
import { columnsOf, migratedTo } from './schema';

describe('migration 021_report_cache', () => {
  it('keeps the last answer of each report query, and only JSON', () => {
    const db = migratedTo(21);
    expect(columnsOf(db, 'report_cache')).toEqual(['query', 'fetched_at', 'body']);
    expect(() => db.prepare(`INSERT INTO report_cache VALUES ('day:0:1', 1, '{oops')`).run()).toThrow(/CHECK/);
  });
});
