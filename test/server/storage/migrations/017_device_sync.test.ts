import { describe, expect, it } from 'vitest';
import { migratedTo, tables } from './helpers';

describe('migration 017: when each device last synced', () => {
  it('keeps one row per registered device: when, and how far its clock was off', () => {
    const db = migratedTo(17);
    expect(tables(db)).toContain('device_sync');
    db.prepare(
      "INSERT INTO devices (device_id, device_code, registered_by, registered_at) VALUES ('d1', 7, 'u', 1)",
    ).run();
    const put = db.prepare('INSERT INTO device_sync (device_id, at, clock_offset) VALUES (?, ?, ?)');
    put.run('d1', 100, -5);
    expect(() => put.run('d1', 200, 0)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => put.run('nobody', 200, 0)).toThrow(/FOREIGN KEY/);
  });
});
