import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli/run';
import { takeBackup } from '../../../src/server/storage/backup';
import { startOrderService } from '../../../src/server/index';
import { placePaid, pushOne, sku } from '../helpers';
import { call, startTestService, TEST_START, type TestService } from '../../support/service';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdin: Readable.from([]), out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every table of a SQLite file, every row in a fixed order, as one digest per table. */
function tablesOf(file: string): Record<string, { rows: number; digest: string }> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      names.map((name) => {
        const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).raw().all();
        const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
        return [name, { rows: rows.length, digest }];
      }),
    );
  } finally {
    db.close();
  }
}

describe('backing the order service up and restoring it', () => {
  let root: string;
  let dataDir: string;
  let service: TestService;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'order-backup-'));
    service = await startTestService({ demoOrders: 300 });
    dataDir = service.dataDir;
  });
  afterAll(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes an online backup while the service runs, and a restore gives back every table exactly', async () => {
    const admin = await service.login('admin');
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }],
      storeId: 'ST-01',
    });
    await pushOne(admin, 'NOTE', { orderNo: order!.orderNo, text: '备份之前的备注' });
    const live = join(dataDir, 'orders.sqlite');
    const before = tablesOf(live);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['orders', 'redemption_codes', 'users', 'tokens']));

    const backups = join(root, 'backups');
    const taken = await cli(['backup', '--data', dataDir, '--to', backups]);
    expect(taken.code).toBe(0);
    const [file] = readdirSync(backups);
    expect(file).toMatch(/^orders-\d{8}-\d{6}(-\d+)?\.sqlite$/);
    expect(taken.out).toContain(join(backups, file!));

    // Work goes on after the backup; the restore brings back the moment of the backup.
    await pushOne(admin, 'NOTE', { orderNo: order!.orderNo, text: '备份之后的备注' });
    expect(tablesOf(live)).not.toEqual(before);

    const restoredDir = join(root, 'restored');
    const restored = await cli(['restore', '--from', join(backups, file!), '--data', restoredDir]);
    expect(restored).toMatchObject({ code: 0 });
    // Reading the backup (the restore's check) leaves nothing beside it: one file per backup.
    expect(readdirSync(backups)).toEqual([file]);
    expect(tablesOf(join(restoredDir, 'orders.sqlite'))).toEqual(before);

    // The restored data serves: the demo admin signs in on it.
    const again = await startOrderService({
      dataDir: restoredDir,
      port: 0,
      timerIntervalMs: 0,
      demo: true,
      demoOrders: 300,
    });
    try {
      expect(
        (await call(`${again.url}/v1/auth/login`, { body: { username: 'admin', password: 'demo1234' } })).status,
      ).toBe(200);
    } finally {
      await again.close();
    }
  });

  it('keeps the newest N backups of a folder', async () => {
    const dir = join(root, 'kept');
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push(await takeBackup(join(dataDir, 'orders.sqlite'), dir, { keep: 3, now: TEST_START + i * 3_600_000 }));
    expect(readdirSync(dir).sort()).toEqual(
      made
        .slice(2)
        .map((p) => p.slice(dir.length + 1))
        .sort(),
    );
  });

  it('refuses to overwrite a database, or restore what is not a sound backup of this service', async () => {
    const file = await takeBackup(join(dataDir, 'orders.sqlite'), join(root, 'one'), { keep: 1, now: TEST_START });
    const target = join(root, 'occupied');
    expect((await cli(['restore', '--from', file, '--data', target])).code).toBe(0);
    const twice = await cli(['restore', '--from', file, '--data', target]);
    expect(twice).toMatchObject({ code: 1, err: expect.stringMatching(/already holds a database.*--force/) });
    const forced = await cli(['restore', '--from', file, '--data', target, '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(target).some((name) => name.startsWith('orders.sqlite.replaced-'))).toBe(true);

    const garbage = join(root, 'garbage.sqlite');
    writeFileSync(garbage, 'not a database at all');
    const refused = await cli(['restore', '--from', garbage, '--data', join(root, 'nowhere')]);
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/not a backup/) });
    expect(existsSync(join(root, 'nowhere', 'orders.sqlite'))).toBe(false);
    expect((await cli(['restore', '--data', join(root, 'nowhere')])).code).toBe(1);
  });

  it('schedules backups on a running service, and asks where PostgreSQL’s dumps go', async () => {
    const dir = join(root, 'scheduled');
    const scheduled = await startOrderService({
      dataDir: join(root, 'scheduled-data'),
      port: 0,
      timerIntervalMs: 0,
      backups: { dir, everyMs: 3_600_000, keep: 2 },
    });
    try {
      await scheduled.backupNow();
      await scheduled.backupNow();
      await scheduled.backupNow();
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      await scheduled.close();
    }
    const pg = await cli(['backup', '--database', 'postgres://orders@db.example/orders']);
    expect(pg).toMatchObject({ code: 1, err: expect.stringMatching(/--to <dir> is required for PostgreSQL/) });
  });
});
