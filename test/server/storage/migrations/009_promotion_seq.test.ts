import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/server/storage/migrations';
import { columns, migratedTo } from './helpers';

describe('migration 009: coupons and campaigns are synced by sequence', () => {
  it('gives the terms a service already offers fresh sequence values after the current one', () => {
    const db = migratedTo(8);
    db.exec(`
      UPDATE sync_sequence SET value = 3000;
      INSERT INTO dealers (id, name, province) VALUES ('DL-01', '华东经销商', '上海市');
      INSERT INTO campaigns (id, name, threshold_fen, rate_bp, amount_off) VALUES ('DC-ZK95', '食品节 满1000享95折', 100000, 9500, NULL);
      INSERT INTO coupons (id, name, amount_off, threshold_fen, dealer_id) VALUES ('DCP-500-50', '经销商满500减50', 5000, 50000, NULL);
      INSERT INTO coupons (id, name, amount_off, threshold_fen, dealer_id) VALUES ('DCP-DL01-3000-200', '华东专享满3000减200', 20000, 300000, 'DL-01');
    `);
    migrate(db, { to: 9 });
    expect(columns(db, 'campaigns')).toContain('seq');
    expect(columns(db, 'coupons')).toContain('seq');
    const seqs = db
      .prepare('SELECT id, seq FROM campaigns UNION ALL SELECT id, seq FROM coupons ORDER BY seq')
      .all() as Array<{ id: string; seq: number }>;
    expect(seqs).toEqual([
      { id: 'DC-ZK95', seq: 3001 },
      { id: 'DCP-500-50', seq: 3002 },
      { id: 'DCP-DL01-3000-200', seq: 3003 },
    ]);
    expect(db.prepare('SELECT value FROM sync_sequence').get()).toEqual({ value: 3003 });
  });

  it('refuses two coupons at one sequence value', () => {
    const db = migratedTo(9);
    const insert = db.prepare(
      'INSERT INTO coupons (id, name, amount_off, threshold_fen, dealer_id, seq) VALUES (?, ?, 5000, 50000, NULL, ?)',
    );
    insert.run('DCP-A', '满500减50', 7);
    expect(() => insert.run('DCP-B', '满600减60', 7)).toThrow(/UNIQUE/);
  });
});
