import { describe, expect, it } from 'vitest';
import { columnsOf, migratedTo, tablesOf } from './schema';

describe('migration 009_sync_base', () => {
  const db = migratedTo(9);

  it('keeps the service’s last record of an order that has unanswered local edits', () => {
    expect(tablesOf(db)).toContain('sync_base');
    db.prepare('INSERT INTO sync_base (order_no, record) VALUES (?, ?)').run('M2611220000000001', '{"status":"PAID"}');
    expect(() => db.prepare('INSERT INTO sync_base (order_no, record) VALUES (?, ?)').run('M2', '{not json')).toThrow(
      /CHECK/,
    );
  });

  it('keeps the service’s whole answer to an intent and a dismissal reason', () => {
    expect(columnsOf(db, 'outbox')).toEqual(expect.arrayContaining(['answer', 'dismiss_reason']));
    db.prepare(
      `INSERT INTO outbox (id, seq, type, payload, client_time, state, created_at, answer)
       VALUES ('a', 1, 'REDEEM', '{}', 1, 'rejected', 1, '{"code":"ALREADY_REDEEMED"}')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO outbox (id, seq, type, payload, client_time, state, created_at, answer)
           VALUES ('b', 2, 'REDEEM', '{}', 1, 'rejected', 1, 'garbage')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
