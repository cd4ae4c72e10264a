import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli/run';
import { ManualClock, startOrderService, type OrderService } from '../../../src/server/index';
import { openStore } from '../../../src/server/storage/open';
import { call, TEST_START } from '../../support/service';

async function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdin: Readable.from([Buffer.from(stdin)]),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const EXAMPLE = 'docs/examples/company.json';

describe('a company set up from its company file', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'order-service-setup-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the example company: places, catalogue with stock, shops with mappings, users without passwords', async () => {
    const loaded = await cli(['setup', '--from', EXAMPLE, '--data', dataDir]);
    expect(loaded.code, loaded.err).toBe(0);
    expect(loaded.out).toMatch(/warehouses +2 created/);
    expect(loaded.out).toMatch(/catalogue +30 created/);
    expect(loaded.out).toMatch(/shops +2 created/);
    expect(loaded.out).toMatch(/users +5 created/);
    expect(loaded.out).toMatch(/users reset-password <username>/);

    const store = await openStore({ dataDir });
    try {
      const seen = await store.unit(async (tx) => ({
        province: await tx.places.warehouseForProvince('广东省'),
        product: (await tx.catalogue.products(['HM-FD-001'])).get('HM-FD-001'),
        stock: await tx.stock.levels('HM-KT-001'),
        shop: await tx.shops.get('TM-HEMU'),
        mapped: await tx.shops.mappingsOf('TM-HEMU'),
        dealerPrice: (await tx.catalogue.dealerPrices('DL-NJ', ['HM-TW-001'])).get('HM-TW-001'),
        user: await tx.users.byUsername('wh-hz'),
      }));
      expect(seen.province).toBe('WH-GZ');
      expect(seen.product).toMatchObject({
        name: '西湖龙井明前茶',
        listPrice: 32800,
        campaignId: 'CP-TEA95',
        onSale: true,
      });
      expect(seen.stock).toEqual([
        { sku: 'HM-KT-001', warehouseId: 'WH-GZ', onHand: 0, reserved: 0 },
        { sku: 'HM-KT-001', warehouseId: 'WH-HZ', onHand: 8, reserved: 0 },
      ]);
      expect(seen.shop).toMatchObject({ channel: 'TAOBAO', platform: 'TMALL', enabled: true });
      // A shop with a webhook and no secret in the file gets one drawn for it.
      expect(seen.shop?.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(seen.mapped).toHaveLength(28);
      expect(seen.dealerPrice).toBe(3100);
      expect(seen.user).toMatchObject({ role: 'warehouse', passwordHash: '', scope: { warehouseIds: ['WH-HZ'] } });
    } finally {
      await store.close();
    }
  });

  it('changes nothing when run again, and only what the file changed after an edit', async () => {
    const again = await cli(['setup', '--from', EXAMPLE, '--data', dataDir]);
    expect(again.out).not.toMatch(/[1-9]\d* (created|changed)/);

    const edited = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    edited.catalogue[0].price = 4200;
    edited.catalogue[0].stock = { 'WH-HZ': 1 };
    const file = join(dataDir, 'edited.json');
    writeFileSync(file, JSON.stringify(edited));
    const changed = await cli(['setup', '--from', file, '--data', dataDir]);
    expect(changed.out).toMatch(/catalogue +0 created, 1 changed, 29 already so/);
    // Stock counted once: the warehouse's count now moves with orders, not with the file.
    expect(changed.out).toMatch(/stock +0 created, 0 changed, 55 already so/);
  });

  it('refuses a broken file with the fields at fault and loads nothing of it', async () => {
    const broken = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    broken.catalogue[3].price = -1;
    broken.shops[0].channel = 'EBAY';
    const file = join(dataDir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const refused = await cli(['setup', '--from', file, '--data', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/catalogue\.3\.price/);
    expect(refused.err).toMatch(/shops\.0\.channel/);

    const dangling = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    dangling.merchants.push({ id: 'MCH-NEW', name: '新商户' });
    dangling.catalogue.push({ sku: 'NEW-1', merchantId: 'MCH-GHOST', name: '幽灵商品', price: 100 });
    writeFileSync(file, JSON.stringify(dangling));
    const unknown = await cli(['setup', '--from', file, '--data', dataDir]);
    expect(unknown).toMatchObject({
      code: 1,
      err: expect.stringMatching(/unknown merchant MCH-GHOST .*nothing was loaded/),
    });
    const store = await openStore({ dataDir });
    try {
      expect(await store.unit((tx) => tx.places.merchant('MCH-NEW'))).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('gives the users their passwords, after which they sign in to a service without demo mode', async () => {
    expect((await cli(['users', 'reset-password', 'wh-hz', '--data', dataDir], 'hz-desk-2025\n')).code).toBe(0);
    const service: OrderService = await startOrderService({
      dataDir,
      port: 0,
      clock: new ManualClock(TEST_START),
      timerIntervalMs: 0,
    });
    try {
      const login = (username: string, password: string) =>
        call(`${service.url}/v1/auth/login`, { body: { username, password } });
      expect((await login('wh-hz', 'hz-desk-2025')).body.user).toMatchObject({ role: 'warehouse' });
      // Not given a password yet: refused like any wrong password.
      expect((await login('wh-gz', '')).status).toBe(400);
      expect((await login('wh-gz', 'anything-at-all')).status).toBe(401);
    } finally {
      await service.close();
    }
  });
});
