import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, migratedTo, tablesOf } from './schema';

describe('migration 007_sync', () => {
  const db = migratedTo(7);
  const intent = (seq: number, over: { state?: string; payload?: string } = {}) =>
    db
      .prepare(
        `INSERT INTO outbox (id, seq, type, payload, client_time, order_no, state, created_at)
         VALUES (?, ?, 'SHIP', ?, 1, 'M2506010000000000101', ?, 1)`,
      )
      .run(randomUUID(), seq, over.payload ?? '{"carrier":"SF"}', over.state ?? 'queued');

  it('adds the outbox and the sync state', () => {
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['outbox', 'sync_state']));
    expect(columnsOf(db, 'outbox')).toEqual([
      'id',
      'seq',
      'type',
      'payload',
      'client_time',
      'order_no',
      'state',
      'attempts',
      'last_error_code',
      'last_error_message',
      'created_at',
      'answered_at',
    ]);
    expect(indexesOf(db, 'outbox')).toEqual(expect.arrayContaining(['outbox_pending_by_order', 'outbox_state_seq']));
  });

  it('queues a new intent with no attempts yet', () => {
    intent(1);
    expect(db.prepare('SELECT state, attempts FROM outbox WHERE seq = 1').get()).toEqual({
      state: 'queued',
      attempts: 0,
    });
  });

  it('never gives two intents the same device sequence number', () => {
    expect(() => intent(1)).toThrow(/UNIQUE/);
  });

  it('refuses an unknown state and a payload that is not JSON', () => {
    expect(() => intent(2, { state: 'lost' })).toThrow(/CHECK constraint failed/);
    expect(() => intent(3, { payload: '{not json' })).toThrow(/CHECK constraint failed/);
  });

  it('keeps small facts of the sync engine by key', () => {
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', '1024')").run();
    expect(() => db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', '2048')").run()).toThrow(
      /UNIQUE|PRIMARY KEY/,
    );
  });
});
