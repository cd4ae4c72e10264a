import { expect, test, type Locator, type Page } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { OrderRecord } from '../../src/shared/contract/records';
import { xlsxBytes } from '../../src/shared/files/xlsx';
import { deadPort, startReceiver } from '../server/outbound/receiver';
import { encodeGb18030 } from '../support/gb18030';
import type { Loose } from '../support/service';
import { pickOption, pickOptions } from './support/ant';
import { startCompanyService, type CompanyService } from './support/company';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
const BOSS = { username: 'boss', password: 'boss-pass-2026' };
const ERP = { username: 'erp', password: 'erp-pass-2026' };
const PACKER = { username: 'pack-hz', password: 'pack-hz-2026' };
const BATCH = JSON.parse(readFileSync('docs/examples/intake-orders.json', 'utf8')) as {
  orders: Array<Record<string, unknown>>;
};

let company: CompanyService;
let app: WebMode;
let webhookPort: number;

/** Signs a user in over HTTP, as an ERP or a script would. */
async function tokenOf(user: { username: string; password: string }): Promise<string> {
  const answer = await fetch(`${company.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { token: string }).token;
}

async function post(token: string, path: string, body: unknown) {
  const answer = await fetch(`${company.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: answer.status, body: (await answer.json()) as Loose };
}

async function ordersOf(token: string): Promise<OrderRecord[]> {
  const answer = await fetch(`${company.url}/v1/orders?limit=200`, { headers: { authorization: `Bearer ${token}` } });
  return ((await answer.json()) as { orders: OrderRecord[] }).orders;
}

/** A message Ant Design shows at the top of the window after an action. */
const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message-notice').filter({ hasText: text });
/** The open modal (Ant keeps closed ones in the DOM). */
const modal = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal');
/** A form field by its label (an Ant Select is found by its field, not by the label's target). */
const field = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: scope.page().getByText(label, { exact: true }) });
const row = (page: Page, panel: string, key: string) => page.getByTestId(panel).locator(`tr[data-row-key="${key}"]`);

// A step that cannot happen fails in seconds, not at the test's timeout.
test.use({ actionTimeout: 15_000 });

test.beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  webhookPort = await deadPort();
  // A company's own service, no demo: the admin and its ERP's account, made on the command line.
  company = await startCompanyService(
    [
      { ...BOSS, args: ['--role', 'admin'] },
      { ...ERP, args: ['--role', 'integration', '--shops', 'TM-HEMU'] },
    ],
    ['--webhook-attempts', '2'],
  );
  // The ERP's first batch arrives: two orders go to their warehouses, one waits for an unknown SKU.
  const posted = await post(await tokenOf(ERP), '/v1/intake/orders', BATCH);
  expect(posted.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created', 'exception']);
  app = await startWebMode({ service: company.url, publicDemo: false });
});
test.afterAll(async () => {
  await app?.stop();
  await company?.stop();
});

test('an admin sets the company up in 管理, and a new warehouse user sees only its warehouse’s orders from intake', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // Demo accounts do not exist on a company's own service.
  expect(
    (
      await fetch(`${company.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
      })
    ).status,
  ).toBe(401);

  await signIn(page, app.url, BOSS.username, BOSS.password);
  await page.getByTestId('nav-admin').click();
  await expect(row(page, 'admin-users', 'wh-hz')).toBeVisible();

  await test.step('creates a warehouse user for Hangzhou', async () => {
    await page.getByTestId('admin-user-add').click();
    const form = modal(page);
    await form.getByLabel('用户名').fill(PACKER.username);
    await form.getByLabel('显示名称').fill('杭州仓打包组');
    await pickOption(page, form.getByTestId('admin-user-role'), '仓库发货');
    await pickOptions(page, form.getByTestId('admin-user-warehouseIds'), ['杭州余杭仓（WH-HZ）']);
    await form.getByLabel('初始密码').fill(PACKER.password);
    await page.screenshot({ path: `${SCREENS}/admin-user-new.png` });
    await page.getByTestId('admin-user-save').click();
    await expect(toast(page, `已创建用户 ${PACKER.username}`)).toBeVisible();
    await expect(row(page, 'admin-users', PACKER.username)).toContainText('WH-HZ');
    await expect(row(page, 'admin-users', PACKER.username)).toContainText('正常');
  });

  await test.step('gives the Guangzhou desk its password, signs the ERP out, disables the store clerk', async () => {
    await row(page, 'admin-users', 'wh-gz').getByRole('button', { name: '重置密码' }).click();
    await modal(page).getByLabel('新密码').fill('wh-gz-pass-2026');
    await modal(page).getByRole('button', { name: '保存' }).click();
    await expect(row(page, 'admin-users', 'wh-gz')).toContainText('正常');

    const erpToken = await tokenOf(ERP);
    await row(page, 'admin-users', ERP.username).getByRole('button', { name: '强制下线' }).click();
    await expect(toast(page, /erp 的 \d+ 个会话已下线/)).toBeVisible();
    expect((await post(erpToken, '/v1/intake/orders', { orders: [] })).status).toBe(401);

    await row(page, 'admin-users', 'clerk-hz01').getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '停用' }).click();
    await expect(row(page, 'admin-users', 'clerk-hz01')).toContainText('已停用');
  });

  let secret = '';
  await test.step('adds a shop, points the Tmall shop’s write-back at the ERP, maps the new candle', async () => {
    await page.getByTestId('admin-tab-shops').click();
    await page.getByRole('button', { name: '新建店铺' }).click();
    await modal(page).getByLabel('店铺编码').fill('DY-HEMU');
    await modal(page).getByLabel('店铺名称').fill('禾木生活抖音小店');
    await pickOption(page, field(modal(page), '渠道'), '抖店');
    await pickOption(page, field(modal(page), '商户'), '杭州禾木生活用品有限公司');
    await modal(page).getByRole('button', { name: '保存' }).click();
    await expect(row(page, 'admin-shops', 'DY-HEMU')).toContainText('抖店');

    // The candle the ERP sells as a new item is our 香薰蜡烛: one held order waits for it.
    await expect(page.getByTestId('admin-shop-held-TM-HEMU')).toContainText('1');
    await row(page, 'admin-shops', 'TM-HEMU').getByRole('button', { name: '编辑' }).click();
    await modal(page).getByLabel('回写地址').fill(`http://127.0.0.1:${webhookPort}/hooks/order-service`);
    secret = (await modal(page).locator('.ant-typography code').textContent()) ?? '';
    await modal(page).getByRole('button', { name: '保存' }).click();
    await expect(row(page, 'admin-shops', 'TM-HEMU')).toContainText(`127.0.0.1:${webhookPort}`);

    await page.getByTestId('admin-shop-mappings-TM-HEMU').click();
    await page.getByTestId('admin-mapping-item').fill('680012349999');
    await page.getByTestId('admin-mapping-sku-id').fill('5000009999');
    await page.getByTestId('admin-mapping-sku').fill('HM-AR-001');
    await page.getByTestId('admin-mapping-add').click();
    await expect(toast(page, '已放行 1 个异常订单')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/admin-mappings.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('admin-shop-held-TM-HEMU')).toContainText('0');
  });
  expect(secret).toMatch(/^\S{16,}$/);

  await test.step('edits a product, imports SKUs from a Chinese Excel CSV and an XLSX, counts stock', async () => {
    await page.getByTestId('admin-tab-catalogue').click();
    await row(page, 'admin-catalogue', 'HM-TW-001').getByRole('button', { name: '编辑' }).click();
    await modal(page).getByLabel('售价').fill('42.00');
    await modal(page).getByRole('button', { name: '保存' }).click();
    await expect(row(page, 'admin-catalogue', 'HM-TW-001')).toContainText('¥42.00');

    const upload = page.getByTestId('admin-catalogue').locator('input[type=file]');
    // Saved from Excel as "CSV (逗号分隔)": GBK, one bad price the import names by its row.
    const csv =
      '商品编码,名称,规格,价格,类型,在售\r\nHM-AR-020,香薰蜡烛·雪松,200g,138.00,实物,是\r\nHM-AR-021,香薰蜡烛·无花果,200g,十元,实物,是\r\n';
    await upload.setInputFiles({ name: '新品.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeGb18030(csv)) });
    await expect(page.getByText('导入完成：新增 1，修改 0，未变 0，失败 1')).toBeVisible();
    await expect(page.getByText('第 3 行：价格“十元”不是以元为单位的金额')).toBeVisible();

    const xlsx = await xlsxBytes(
      '商品',
      [
        { header: '商品编码', kind: 'text' },
        { header: '名称', kind: 'text' },
        { header: '价格', kind: 'money' },
      ],
      [
        ['HM-AR-021', '香薰蜡烛·无花果', 13800],
        ['HM-AR-022', '香薰蜡烛·白茶', 13800],
      ],
    );
    await upload.setInputFiles({
      name: '新品.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(xlsx),
    });
    await expect(page.getByText('导入完成：新增 2，修改 0，未变 0，失败 0')).toBeVisible();

    await row(page, 'admin-catalogue', 'HM-AR-022').getByRole('button', { name: '盘点' }).click();
    await pickOption(page, field(modal(page), '仓库'), '杭州余杭仓');
    await modal(page).getByLabel('在库数量').fill('40');
    await modal(page).getByRole('button', { name: '保存' }).click();
    await expect(row(page, 'admin-catalogue', 'HM-AR-022')).toContainText('WH-HZ 40 / 0');
    await page.screenshot({ path: `${SCREENS}/admin-catalogue.png` });
  });

  await test.step('a shipment the ERP never took is a dead letter the admin sends again', async () => {
    const order = (await ordersOf(await tokenOf(BOSS))).find(
      (o) => o.external?.externalOrderNo === '3620377712004451',
    )!;
    // The packer ships the released order (from a desk: the shipping specs drive that screen).
    const packer = await tokenOf(PACKER);
    const deviceId = crypto.randomUUID();
    expect((await post(packer, '/v1/devices/register', { deviceId })).status).toBe(200);
    const shipped = await post(packer, '/v1/sync/push', {
      deviceId,
      intents: [
        {
          id: crypto.randomUUID(),
          seq: 1,
          type: 'SHIP',
          clientTime: Date.now(),
          payload: {
            orderNo: order.orderNo,
            parcels: [
              {
                carrier: 'SF',
                trackingNo: 'SF1402031249901',
                lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
              },
            ],
          },
        },
      ],
    });
    expect(shipped.body.results[0].status).toBe('applied');
    // Nobody listens at the ERP's address: two refused deliveries, and the event is parked.
    const boss = await tokenOf(BOSS);
    await expect
      .poll(
        async () => {
          const answer = await fetch(`${company.url}/v1/admin/outbound?state=dead`, {
            headers: { authorization: `Bearer ${boss}` },
          });
          return ((await answer.json()) as { events: unknown[] }).events.length;
        },
        { timeout: 60_000 },
      )
      .toBe(1);

    await page.getByTestId('admin-tab-outbound').click();
    const dead = page.getByTestId('admin-outbound').locator('tbody tr.ant-table-row');
    await expect(dead).toHaveCount(1);
    await expect(dead).toContainText('已发货');
    await expect(dead).toContainText(order.orderNo);
    await expect(dead).toContainText('ECONNREFUSED');
    await page.screenshot({ path: `${SCREENS}/admin-dead-letters.png` });

    const receiver = await startReceiver(() => 200, webhookPort);
    try {
      await dead.getByRole('button', { name: '重新发送' }).click();
      await expect(toast(page, '已重新排队发送')).toBeVisible();
      await expect.poll(() => receiver.acted.size, { timeout: 30_000 }).toBe(1);
      const [delivery] = receiver.deliveries;
      const timestamp = String(delivery!.headers['x-order-timestamp']);
      // Signed with the secret the admin sees in the shop's form (docs/api.md "Webhooks").
      expect(delivery!.headers['x-order-signature']).toBe(
        `v1=${createHmac('sha256', secret).update(`${timestamp}.${delivery!.body}`).digest('hex')}`,
      );
      expect(JSON.parse(delivery!.body)).toMatchObject({
        type: 'order.shipped',
        externalOrderNo: '3620377712004451',
        data: { parcels: [{ carrier: 'SF', trackingNo: 'SF1402031249901' }] },
      });
      await page.getByTestId('admin-outbound').locator('.ant-segmented-item').filter({ hasText: '已送达' }).click();
      await expect(page.getByTestId('admin-outbound').locator('tbody tr.ant-table-row')).toContainText(order.orderNo);
      await page.getByTestId('admin-tab-audit').click();
      await expect(page.getByTestId('admin-audit')).toContainText('重新发送回写');
    } finally {
      await receiver.close();
    }
  });
  await test.step('the Hangzhou packer sees the Hangzhou orders, the released one among them, and no other', async () => {
    // A second batch from the ERP: one more order for Hangzhou (Shanghai), one for Guangzhou.
    const tea = BATCH.orders[1]!;
    const more = await post(await tokenOf(ERP), '/v1/intake/orders', {
      orders: [
        {
          ...tea,
          externalOrderNo: '3620230045129001',
          receiver: { ...(tea.receiver as object), province: '上海市', city: '上海市', district: '徐汇区' },
        },
        { ...tea, externalOrderNo: '3620230045129002' },
      ],
    });
    expect(more.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
    const all = await ordersOf(await tokenOf(BOSS));
    const hangzhou = all
      .filter((o) => o.warehouseId === 'WH-HZ')
      .map((o) => o.orderNo)
      .sort();
    expect(hangzhou).toHaveLength(3);

    const packer = await browser.newPage();
    await signIn(packer, app.url, PACKER.username, PACKER.password);
    const rows = packer.locator('.tbody .tr[data-order-no]');
    await expect(rows).toHaveCount(3);
    expect((await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-order-no')))).sort()).toEqual(hangzhou);
    await expect(packer.getByTestId('nav-admin')).toHaveCount(0);
    await packer.screenshot({ path: `${SCREENS}/admin-new-user-orders.png` });
    await packer.close();
  });
});
