import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/server/storage/migrations';
import { columns, migratedTo } from './helpers';

const SCOPE = '{"all":false,"warehouseIds":["WH-SH"],"storeIds":[],"dealerIds":[]}';
const insertUser = `INSERT INTO users (id, username, display_name, role, scope, password_hash, demo_only, created_at)
  VALUES (?, ?, '上海仓发货台', ?, '${SCOPE}', 'scrypt$…', 0, 5)`;
const insertUser11 = `INSERT INTO users (id, username, display_name, role, scope, password_hash, demo_only, created_at,
  updated_at) VALUES (?, ?, 'ERP', ?, '${SCOPE}', 'scrypt$…', 0, 5, 5)`;

describe('migration 011: users an admin manages', () => {
  it('keeps every user and their sessions, enabled, and now accepts integration accounts', () => {
    const db = migratedTo(10);
    db.prepare(insertUser).run('U1', 'warehouse1', 'warehouse');
    expect(() => db.prepare(insertUser).run('U2', 'erp', 'integration')).toThrow(/CHECK/);
    db.prepare('INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      'h1',
      'U1',
      1,
      99,
    );
    migrate(db, { to: 11 });

    expect(columns(db, 'users')).toEqual(expect.arrayContaining(['disabled', 'updated_at']));
    expect(db.prepare('SELECT id, role, disabled, created_at, updated_at FROM users').all()).toEqual([
      { id: 'U1', role: 'warehouse', disabled: 0, created_at: 5, updated_at: 5 },
    ]);
    expect(db.prepare('SELECT token_hash, user_id, expires_at FROM tokens').all()).toEqual([
      { token_hash: 'h1', user_id: 'U1', expires_at: 99 },
    ]);
    db.prepare(insertUser11).run('U2', 'erp', 'integration');
    expect(() => db.prepare(insertUser11).run('U3', 'boss', 'owner')).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('still refuses a session of a user that does not exist', () => {
    const db = migratedTo(11);
    expect(() =>
      db
        .prepare('INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run('h', 'U9', 1, 2),
    ).toThrow(/FOREIGN KEY/);
  });
});
