import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli/run';
import type { RunningStub } from '../../../src/server/connectors/stub/server';
import { startStub } from '../../../src/server/connectors/stub/start';
import { startOrderService, type OrderService } from '../../../src/server/index';
import type { ShopHealth } from '../../../src/shared/contract/connectors';
import { call, DEMO_PASSWORD } from '../../support/service';
import { createTestDatabase, TEST_STORE, type TestDatabase } from '../../support/postgres';

/**
 * `npm run server -- shops …` as an admin runs it beside a running demo service, on the store of
 * the vitest project: a 淘宝 shop added against a stub gateway is polled by the running service
 * within seconds, every stub order is found once by its platform number, and a restarted service
 * adds none.
 */
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdin: Readable.from([]),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ORDERS = 300;

describe('connecting a platform shop from the command line', () => {
  let dataDir: string;
  let database: TestDatabase | null = null;
  let service: OrderService | null = null;
  let stub: RunningStub;
  let where: string[];

  const start = async () =>
    (service = await startOrderService({
      dataDir,
      ...(database ? { database: database.url, poolSize: 4 } : {}),
      port: 0,
      demo: true,
      demoOrders: 0,
      timerIntervalMs: 0,
      outboundIntervalMs: 0,
      pollMs: 1000,
    }));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'order-service-shops-'));
    database = TEST_STORE === 'postgres' ? await createTestDatabase() : null;
    where = ['--data', dataDir, ...(database ? ['--database', database.url] : [])];
    stub = await startStub({ platform: 'taobao', orders: ORDERS, seed: 5 });
    await start();
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await stub.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function found(): Promise<Map<string, number>> {
    const login = await call(`${service!.url}/v1/auth/login`, { body: { username: 'admin', password: DEMO_PASSWORD } });
    const token = login.body.token as string;
    const counts = new Map<string, number>();
    for (const order of stub.world.orders()) {
      const answer = await call(`${service!.url}/v1/orders?externalOrderNo=${order.id}`, { token });
      const parents = new Set((answer.body.orders as Array<{ parentNo: string }>).map((o) => o.parentNo));
      counts.set(order.id, parents.size);
    }
    return counts;
  }

  it('adds a 淘宝 shop the running service polls at once: every stub order once, none again after a restart', async () => {
    const { appKey, appSecret, session } = stub.credentials;
    const added = await cli([
      'shops',
      'add',
      '--platform',
      'taobao',
      '--gateway',
      stub.url,
      '--app-key',
      appKey,
      '--app-secret',
      appSecret,
      '--session',
      session,
      '--name',
      '和木旗舰店',
      ...where,
    ]);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('TAOBAO-12345678');

    // The running service's scheduler ticks every second here; reading 300 orders takes a few.
    let health: ShopHealth | undefined;
    // Caught up: the cursor within a minute of now (a first read of days yields to other shops).
    for (let waited = 0; waited < 60_000 && !(health?.lastSuccessAt && health.lagMs < 60_000); waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const listed = await cli(['shops', 'list', '--json', ...where]);
      health = (JSON.parse(listed.out) as ShopHealth[])[0];
    }
    expect(health).toMatchObject({ shopId: 'TAOBAO-12345678', platform: 'taobao', state: 'ok' });
    expect(JSON.stringify(health)).not.toContain(appSecret);
    const first = await found();
    expect([...first.values()].every((n) => n === 1)).toBe(true);
    expect(first.size).toBe(ORDERS);

    await service!.close();
    await start();
    await service!.connectors.pollNow('TAOBAO-12345678');
    expect(await found()).toEqual(first);
  }, 120_000);

  it('pauses, resumes and re-pulls a shop, and refuses what it cannot do with a clear message', async () => {
    expect((await cli(['shops', 'pause', 'TAOBAO-12345678', ...where])).code).toBe(0);
    const paused = JSON.parse((await cli(['shops', 'list', '--json', ...where])).out) as ShopHealth[];
    expect(paused[0]?.state).toBe('paused');
    expect((await cli(['shops', 'resume', 'TAOBAO-12345678', ...where])).code).toBe(0);
    const repulled = await cli(['shops', 'repull', 'TAOBAO-12345678', '--since', '2025-03-01', ...where]);
    expect(repulled.code, repulled.err).toBe(0);
    expect((await cli(['shops', 'list', ...where])).out).toMatch(/^TAOBAO-12345678\ttaobao\t(ok|waiting)/);

    const wrongPlatform = await cli(['shops', 'add', '--platform', 'ebay', '--gateway', stub.url, ...where]);
    expect(wrongPlatform.code).toBe(1);
    expect(wrongPlatform.err).toContain('--platform must be taobao or pdd');
    const noGateway = await cli(['shops', 'add', '--platform', 'pdd', '--app-key', 'k', ...where]);
    expect(noGateway.err).toContain('--gateway is required');
    const unknown = await cli(['shops', 'pause', 'NO-SUCH-SHOP', ...where]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('CONNECTOR_NOT_FOUND');
    const badDay = await cli(['shops', 'repull', 'TAOBAO-12345678', '--since', 'yesterday', ...where]);
    expect(badDay.err).toContain('--since must be a date yyyy-mm-dd');
  });
});
