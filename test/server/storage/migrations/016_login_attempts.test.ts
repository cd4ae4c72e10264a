import { describe, expect, it } from 'vitest';
import { migratedTo, tables } from './helpers';

describe('migration 016: sign-in attempts are counted in the store', () => {
  it('keeps who tried, from where, when and how it ended', () => {
    const db = migratedTo(16);
    expect(tables(db)).toContain('login_attempts');
    const insert = db.prepare('INSERT INTO login_attempts (user_key, address, at, state) VALUES (?, ?, ?, ?)');
    insert.run('dealer1', '127.0.0.1', 1, 'checking');
    insert.run('dealer1', '127.0.0.1', 2, 'refused');
    expect(() => insert.run('dealer1', '127.0.0.1', 3, 'maybe')).toThrow(/CHECK/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM login_attempts WHERE user_key = 'dealer1' AND at > 0")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join()).toMatch(/login_attempts_user/);
  });
});
