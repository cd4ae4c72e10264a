import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, migratedTo, tablesOf } from './schema';

describe('migration 012_saved_views', () => {
  const db = migratedTo(12);
  const save = (id: string, name: string, isDefault: 0 | 1) =>
    db.prepare(`INSERT INTO saved_views VALUES (?, ?, '{}', ?, 1)`).run(id, name, isDefault);

  it('adds the user’s saved list views', () => {
    expect(tablesOf(db)).toContain('saved_views');
    expect(columnsOf(db, 'saved_views')).toEqual(['id', 'name', 'settings', 'is_default', 'saved_at']);
    expect(indexesOf(db, 'saved_views')).toContain('saved_views_one_default');
  });

  it('keeps one default view at most and one view per name', () => {
    save('v1', '待发货·上海', 1);
    expect(() => save('v2', '今日已付', 1)).toThrow(/UNIQUE/);
    expect(() => save('v3', '待发货·上海', 0)).toThrow(/UNIQUE/);
    save('v4', '今日已付', 0);
    expect(db.prepare('SELECT count(*) FROM saved_views').pluck().get()).toBe(2);
  });

  it('refuses settings that are not JSON', () => {
    expect(() => db.prepare(`INSERT INTO saved_views VALUES ('v9', 'x', 'nope', 0, 1)`).run()).toThrow(/CHECK/);
  });
});
