import { describe, expect, it } from 'vitest';
import { migratedTo, tables } from './helpers';

describe('migration 002: users, tokens, devices', () => {
  const user = (id: string, username: string, role: string) => [
    id,
    username,
    '上海仓发货台',
    role,
    '{"all":false,"warehouseIds":["WH-SH"],"storeIds":[],"dealerIds":[]}',
    'scrypt$…',
    0,
    1,
  ];
  const insertUser =
    'INSERT INTO users (id, username, display_name, role, scope, password_hash, demo_only, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

  it('keeps usernames unique and roles to the five of the vocabulary', () => {
    const db = migratedTo(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['users', 'tokens', 'devices']));
    db.prepare(insertUser).run(...user('U1', 'warehouse1', 'warehouse'));
    expect(() => db.prepare(insertUser).run(...user('U2', 'warehouse1', 'warehouse'))).toThrow(/UNIQUE/);
    expect(() => db.prepare(insertUser).run(...user('U3', 'boss', 'owner'))).toThrow(/CHECK/);
  });

  it('gives device codes 1..9999, each to one device only', () => {
    const db = migratedTo(2);
    const insert = db.prepare(
      'INSERT INTO devices (device_id, device_code, registered_by, registered_at) VALUES (?, ?, ?, ?)',
    );
    insert.run('d1', 1, 'U1', 1);
    expect(() => insert.run('d2', 1, 'U1', 1)).toThrow(/UNIQUE/);
    expect(() => insert.run('d3', 0, 'U1', 1)).toThrow(/CHECK/);
    expect(() => insert.run('d4', 10_000, 'U1', 1)).toThrow(/CHECK/);
  });
});
