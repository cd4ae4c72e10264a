import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from './helpers';

describe('migration 012: counters', () => {
  it('keeps one value per name', () => {
    const db = migratedTo(12);
    expect(columns(db, 'counters')).toEqual(['name', 'value']);
    db.prepare("INSERT INTO counters (name, value) VALUES ('device_code', 1)").run();
    expect(() => db.prepare("INSERT INTO counters (name, value) VALUES ('device_code', 2)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO counters (name, value) VALUES ('other', -1)").run()).toThrow(/CHECK/);
  });
});
