import { describe, expect, it } from 'vitest';
import { migratedTo, tables } from './helpers';

describe('migration 001: the server sequence', () => {
  it('starts the sequence at 0 in a single counter row', () => {
    const db = migratedTo(1);
    expect(tables(db)).toEqual(['schema_migrations', 'settings', 'sync_sequence']);
    expect(db.prepare('UPDATE sync_sequence SET value = value + 1 WHERE id = 1 RETURNING value').get()).toEqual({
      value: 1,
    });
    expect(() => db.prepare('INSERT INTO sync_sequence (id, value) VALUES (2, 0)').run()).toThrow(/CHECK/);
  });
});
