import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli/run';
import { placePaid, pushOne, sku } from '../../helpers';
import { createTestDatabase, withConnection, type TestDatabase } from '../../../support/postgres';
import { startTestService, type TestService } from '../../../support/service';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdin: Readable.from([]), out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Every table of the public schema, every row in a fixed order, as one digest per table; and where
 * each sequence stands (change numbers must go on from where the backup left them).
 */
async function tablesOf(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  return withConnection(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query({ text: `SELECT * FROM "${name}" ORDER BY 1, 2`, rowMode: 'array' });
      result[name] = { rows: rows.length, digest: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
    }
    const { rows: sequences } = await client.query<{ name: string; last: string | null }>(
      "SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    for (const { name, last } of sequences) result[`sequence ${name}`] = { rows: 0, digest: String(last) };
    return result;
  });
}

describe('backing the order service up on PostgreSQL with pg_dump, and restoring it', () => {
  let root: string;
  let service: TestService;
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'order-pg-backup-'));
    service = await startTestService({ store: 'postgres', demoOrders: 200 });
  });
  afterAll(async () => {
    await service.close();
    for (const database of databases) await database.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('dumps while the service serves, and a restore into an empty database gives back every table exactly', async () => {
    const admin = await service.login('admin');
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }],
      storeId: 'ST-01',
    });
    await pushOne(admin, 'NOTE', { orderNo: order!.orderNo, text: '备份之前的备注' });
    const live = service.database!;
    const before = await tablesOf(live);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['orders', 'redemption_codes', 'users', 'tokens']));

    const backups = join(root, 'dumps');
    const taken = await cli(['backup', '--database', live, '--to', backups]);
    expect(taken).toMatchObject({ code: 0 });
    const [file] = readdirSync(backups);
    expect(file).toMatch(/^orders-\d{8}-\d{6}(-\d+)?\.dump$/);
    expect(statSync(join(backups, file!)).mode & 0o777).toBe(0o600);
    // The URL's password never reaches the output (nor pg_dump's command line: PGPASSWORD).
    expect(taken.out).not.toContain(live);

    await pushOne(admin, 'NOTE', { orderNo: order!.orderNo, text: '备份之后的备注' });
    expect(await tablesOf(live)).not.toEqual(before);

    const empty = await createTestDatabase();
    databases.push(empty);
    const restored = await cli(['restore', '--from', join(backups, file!), '--database', empty.url]);
    expect(restored).toMatchObject({ code: 0 });
    expect(await tablesOf(empty.url)).toEqual(before);

    // The restored database serves: the admin signs in on a service started on it.
    const again = await startTestService({ sharedDatabase: empty.url, demoOrders: 200 });
    try {
      expect((await again.login('admin')).user.role).toBe('admin');
    } finally {
      await again.close();
    }
  });

  it('keeps the newest N dumps, and refuses to overwrite a database or restore what is not its dump', async () => {
    const live = service.database!;
    const dir = join(root, 'kept');
    for (let i = 0; i < 3; i++)
      expect((await cli(['backup', '--database', live, '--to', dir, '--keep', '2'])).code).toBe(0);
    const kept = readdirSync(dir);
    expect(kept).toHaveLength(2);
    const dump = join(dir, kept.sort()[1]!);

    const target = await createTestDatabase();
    databases.push(target);
    expect((await cli(['restore', '--from', dump, '--database', target.url])).code).toBe(0);
    const state = await tablesOf(target.url);
    const twice = await cli(['restore', '--from', dump, '--database', target.url]);
    expect(twice).toMatchObject({ code: 1, err: expect.stringMatching(/already holds an order database.*--force/) });

    const forced = await cli(['restore', '--from', dump, '--database', target.url, '--force']);
    expect(forced).toMatchObject({ code: 0, out: expect.stringMatching(/kept in the schema replaced_\d{8}_\d{6}/) });
    expect(await tablesOf(target.url)).toEqual(state);
    const schemas = await withConnection(
      target.url,
      async (client) =>
        (await client.query<{ n: string }>("SELECT nspname AS n FROM pg_namespace WHERE nspname LIKE 'replaced_%'"))
          .rows,
    );
    expect(schemas).toHaveLength(1);

    const garbage = join(root, 'garbage.dump');
    writeFileSync(garbage, 'not a dump at all');
    const refused = await cli(['restore', '--from', garbage, '--database', target.url, '--force']);
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/not a backup of this order service/) });
    expect(await tablesOf(target.url)).toEqual(state);
    expect((await cli(['backup', '--database', live])).err).toMatch(/--to <dir> is required/);
  });
});
