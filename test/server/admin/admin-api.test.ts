import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { xlsxBytes } from '../../../src/shared/files/xlsx';
import { encodeGb18030 } from '../../support/gb18030';
import { call, type Session, type TestService } from '../../support/service';
import { EXAMPLE_BATCH, PASSWORD, startCompany } from '../intake/company';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The company's set-up through /v1/admin, as the 管理 screen drives it. */
describe('/v1/admin on a company’s own service', () => {
  let service: TestService;
  let boss: Session;
  let erp: Session;

  beforeAll(async () => {
    service = await startCompany();
    boss = await service.login('boss', PASSWORD);
    erp = await service.login('erp', PASSWORD);
    expect((await erp.post('/v1/intake/orders', EXAMPLE_BATCH)).status).toBe(200);
  });
  afterAll(async () => {
    await service.close();
  });

  const login = (username: string, password: string) =>
    call(`${service.url}/v1/auth/login`, { body: { username, password } });

  it('makes a Guangzhou packer who sees Guangzhou’s orders only, and ends its sessions on every change', async () => {
    const made = await boss.post('/v1/admin/users', {
      username: 'pack-gz',
      displayName: '广州仓打包组',
      role: 'warehouse',
      warehouseIds: ['WH-GZ'],
      password: 'pack-gz-2026',
    });
    expect(made.body).toMatchObject({
      username: 'pack-gz',
      role: 'warehouse',
      scope: { all: false, warehouseIds: ['WH-GZ'] },
      hasPassword: true,
      disabled: false,
    });
    expect((await boss.post('/v1/admin/users', { ...made.body, password: 'x'.repeat(12) })).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (
        await boss.post('/v1/admin/users', {
          username: 'pack-gz',
          role: 'warehouse',
          warehouseIds: ['WH-GZ'],
          password: 'another-2026',
        })
      ).body.error.code,
    ).toBe('USERNAME_TAKEN');

    const packer = await service.login('pack-gz', 'pack-gz-2026');
    const seen = (await packer.get('/v1/orders?limit=50')).body.orders as OrderRecord[];
    expect(seen.map((o) => o.external?.externalOrderNo)).toEqual(['3620230045129901']);
    expect((await packer.get('/v1/admin/users')).status).toBe(403);

    // Moved to Hangzhou: signed out at once, and the next sign-in sees Hangzhou's order instead.
    expect((await boss.post('/v1/admin/users/pack-gz', { warehouseIds: ['WH-HZ'] })).status).toBe(200);
    expect((await packer.get('/v1/orders?limit=1')).status).toBe(401);
    const moved = await service.login('pack-gz', 'pack-gz-2026');
    expect(((await moved.get('/v1/orders?limit=50')).body.orders as OrderRecord[]).map((o) => o.warehouseId)).toEqual([
      'WH-HZ',
    ]);

    expect((await boss.post('/v1/admin/users/pack-gz/revoke')).body).toMatchObject({ sessionsEnded: 1 });
    expect((await moved.get('/v1/orders?limit=1')).status).toBe(401);

    expect((await boss.post('/v1/admin/users/pack-gz/password', { password: 'pack-gz-new-2026' })).status).toBe(200);
    expect((await login('pack-gz', 'pack-gz-2026')).status).toBe(401);
    expect((await login('pack-gz', 'pack-gz-new-2026')).status).toBe(200);

    expect((await boss.post('/v1/admin/users/pack-gz/disable')).body).toMatchObject({ disabled: true });
    expect((await login('pack-gz', 'pack-gz-new-2026')).status).toBe(401);
    expect((await boss.post('/v1/admin/users/pack-gz/enable')).status).toBe(200);
    expect((await login('pack-gz', 'pack-gz-new-2026')).status).toBe(200);

    // The last admin who can sign in is never locked out.
    expect((await boss.post('/v1/admin/users/boss/disable')).body.error.code).toBe('LAST_ADMIN');
  });

  it('imports SKUs from a Chinese Excel CSV and an XLSX, naming each bad row by code, then counts their stock', async () => {
    const csv =
      '商品编码,名称,规格,价格,条码,在售\r\n' +
      'HM-AR-020,香薰蜡烛·雪松,200g,138.00,,是\r\n' +
      'HM-AR-021,香薰蜡烛·无花果,200g,十元,,是\r\n' +
      'HM AR 022,香薰蜡烛·白茶,200g,138,69588201,也许\r\n';
    const fromCsv = await boss.post('/v1/admin/catalogue/import', { fileBase64: base64(encodeGb18030(csv)) });
    expect(fromCsv.body).toEqual({
      created: 1,
      changed: 0,
      unchanged: 0,
      rejected: [
        { row: 3, reasons: [expect.objectContaining({ code: 'PRICE_INVALID', value: '十元' })] },
        {
          row: 4,
          reasons: [
            expect.objectContaining({ code: 'SKU_FORMAT', value: 'HM AR 022' }),
            expect.objectContaining({ code: 'BARCODE_INVALID', value: '69588201' }),
            expect.objectContaining({ code: 'ON_SALE_INVALID', value: '也许' }),
          ],
        },
      ],
    });

    const xlsx = await xlsxBytes(
      '商品',
      [
        { header: '商品编码', kind: 'text' },
        { header: '名称', kind: 'text' },
        { header: '规格', kind: 'text' },
        { header: '价格', kind: 'money' },
        { header: '条码', kind: 'text' },
      ],
      [
        ['HM-AR-020', '香薰蜡烛·雪松', '200g', 13800, ''],
        ['HM-AR-021', '香薰蜡烛·无花果', '200g', 12800, ''],
        // The towel's barcode: taken, so this row is refused by the store and the rest still import.
        ['HM-AR-022', '香薰蜡烛·白茶', '200g', 12800, '6958820110000'],
      ],
    );
    const fromXlsx = await boss.post('/v1/admin/catalogue/import', { fileBase64: base64(xlsx) });
    expect(fromXlsx.body).toMatchObject({ created: 1, changed: 0, unchanged: 1, rejected: [{ row: 4 }] });
    expect(fromXlsx.body.rejected[0].reasons[0].value).toBe('HM-AR-022');

    const broken = await boss.post('/v1/admin/catalogue/import', { fileBase64: base64(new Uint8Array([1, 2, 3])) });
    expect(broken.status).toBe(400);

    const counted = await boss.post('/v1/admin/stock', { sku: 'HM-AR-021', warehouseId: 'WH-HZ', onHand: 40 });
    expect(counted.body.product).toMatchObject({
      sku: 'HM-AR-021',
      price: 12800,
      stock: [{ warehouseId: 'WH-HZ', onHand: 40, reserved: 0 }],
    });
    expect((await erp.post('/v1/admin/stock', { sku: 'HM-AR-021', warehouseId: 'WH-HZ', onHand: 1 })).status).toBe(403);
  });

  it('keeps a log of who changed what and when, never a password or a webhook secret', async () => {
    const shop = await boss.post('/v1/admin/shops', {
      id: 'DY-HEMU',
      name: '禾木生活抖音小店',
      channel: 'DOUYIN',
      merchantId: 'MCH-HM',
      webhookUrl: 'https://erp.hemu.example.com/hooks/douyin',
    });
    const secret = (shop.body as Array<{ id: string; webhookSecret: string }>).find(
      (s) => s.id === 'DY-HEMU',
    )!.webhookSecret;
    expect(secret).toMatch(/^\S{32,}$/);

    const log = (await boss.get('/v1/admin/audit?limit=100')).body as Array<{
      actor: string;
      action: string;
      target: string;
      at: number;
      detail: unknown;
    }>;
    expect(log[0]).toMatchObject({
      actor: 'admin:boss',
      action: 'shop.put',
      target: 'shop:DY-HEMU',
      at: service.clock.now(),
      detail: expect.objectContaining({ secretSet: true }),
    });
    const actions = log.map((e) => `${e.action} ${e.target}`);
    for (const done of [
      'user.add user:pack-gz',
      'user.edit user:pack-gz',
      'user.revoke user:pack-gz',
      'user.resetPassword user:pack-gz',
      'user.disable user:pack-gz',
      'user.enable user:pack-gz',
      'product.add sku:HM-AR-020',
      'stock.count sku:HM-AR-021',
    ])
      expect(actions).toContain(done);
    const text = JSON.stringify(log);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('pack-gz-2026');
    expect(text).not.toContain('pack-gz-new-2026');
  });
});
