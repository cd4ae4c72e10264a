import { describe, expect, it } from 'vitest';
import { migratedTo } from './helpers';

describe('migration 007: decided intents', () => {
  it('holds one outcome per intent id, applied or rejected', () => {
    const db = migratedTo(7);
    const insert = db.prepare(
      `INSERT INTO intents (id, user_id, device_id, device_seq, type, order_no, status, code, message, field_errors, conflict,
         client_time, received_at)
       VALUES (?, 'U-warehouse1', 'dev', 1, 'SHIP', 'M01', ?, NULL, NULL, NULL, NULL, 1, 2)`,
    );
    insert.run('4b0c2d6e-0000-4000-8000-000000000001', 'applied');
    expect(() => insert.run('4b0c2d6e-0000-4000-8000-000000000001', 'applied')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('4b0c2d6e-0000-4000-8000-000000000002', 'pending')).toThrow(/CHECK/);
  });
});
