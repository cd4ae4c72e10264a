import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrderService, type OrderService } from '../../src/server/index';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { issuedCode } from '../support/issued-codes';
import { liveCodes } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';
import { pickOption } from './support/ant';

const SCREENS = 'test-results/screens';

/** Types a code the way a scanner or a person would, with full-width digits and spaces, and presses Enter. */
async function lookUp(page: Page, code: string, storeId: string) {
  // A clerk picks one of their stores; a user who sees every store types the one they stand in.
  const store = page.getByTestId('store');
  if ((await store.getAttribute('class'))?.includes('ant-select')) await pickOption(page, store, storeId);
  else await store.fill(storeId);
  const wide = code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  await page.getByLabel('核销码').fill(`${wide.slice(0, 3)}\u3000${wide.slice(3)}`);
  await page.getByLabel('核销码').press('Enter');
}

test.describe('the store counter, online', () => {
  let app: WebMode;
  test.beforeAll(async () => {
    app = await startWebMode({ demoOrders: 1500 });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('a clerk previews and redeems a code, the order completes; the same code again says who, where and when', async ({
    page,
  }) => {
    const [order] = await liveCodes(app.serviceUrl);
    expect(order).toBeDefined();
    const code = issuedCode(app.serviceDb, order!.orderNo);
    await signIn(page, app.url, 'clerk1');
    await expect(page.getByRole('heading', { name: '核销台' })).toBeVisible();
    // A clerk's nav: counter, orders, exceptions; nothing to undo.
    await expect(page.getByTestId('nav-counter')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('nav-exceptions')).toBeVisible();
    await expect(page.getByRole('button', { name: '撤销' })).toHaveCount(0);

    await lookUp(page, code, order!.storeId!);
    const preview = page.getByTestId('counter-preview');
    await expect(preview).toContainText(order!.orderNo);
    await expect(preview).toContainText(order!.lines[0]!.name);
    await expect(preview).toContainText('****');
    await expect(preview).toContainText('1 / 1 次');
    await page.screenshot({ path: `${SCREENS}/counter-preview.png` });
    await page.getByRole('button', { name: '确认核销' }).click();
    const outcome = page.getByTestId('counter-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'confirmed');
    await expect(outcome).toContainText('核销成功');
    await expect(page.locator('.shift-table')).toContainText(order!.orderNo);
    await expect(page.getByTestId('shift-totals')).toContainText('共 1 笔');
    await page.screenshot({ path: `${SCREENS}/counter-confirmed.png` });

    // The order is complete at the service.
    const still = await liveCodes(app.serviceUrl);
    expect(still.map((o) => o.orderNo)).not.toContain(order!.orderNo);

    // CSV export downloads the shift list.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);

    // The same code again: refused, with who, where and when.
    await page.getByRole('button', { name: '继续核销下一张' }).click();
    // Refused at the lookup: no preview, no confirm button to press in vain.
    await lookUp(page, code, order!.storeId!);
    await expect(page.getByTestId('counter-preview')).toHaveCount(0);
    const refused = page.getByTestId('counter-refused');
    await expect(refused).toContainText('核销码已使用完');
    await expect(refused.getByTestId('used-by')).toContainText('clerk1');
    await expect(refused.getByTestId('used-by')).toContainText(order!.storeId!);

    // A wrong code says so.
    await lookUp(page, '000000', order!.storeId!);
    await expect(page.getByTestId('counter-refused')).toContainText('核销码不存在');
  });

  test('a supervisor undoes a redemption from the shift list within the window; the code works again', async ({
    page,
  }) => {
    const [order] = await liveCodes(app.serviceUrl);
    const code = issuedCode(app.serviceDb, order!.orderNo);
    await signIn(page, app.url, 'admin');
    await page.getByTestId('nav-counter').click();
    await lookUp(page, code, order!.storeId!);
    await page.getByRole('button', { name: '确认核销' }).click();
    await expect(page.getByTestId('counter-outcome')).toHaveAttribute('data-outcome', 'confirmed');
    const row = page.locator('.shift-table tr', { hasText: order!.orderNo });
    await row.getByRole('button', { name: '撤销' }).click();
    await page.getByLabel('撤销原因').fill('顾客未到店，误核销');
    await page.getByRole('button', { name: '确认撤销' }).click();
    await expect(row.getByRole('button', { name: '撤销' })).toHaveCount(0);
    await expect
      .poll(async () => (await liveCodes(app.serviceUrl)).map((o) => o.orderNo), { timeout: 15_000 })
      .toContain(order!.orderNo);
  });
  test('each role sees only the screens and actions it may use', async ({ page }) => {
    await signIn(page, app.url, 'warehouse1');
    await expect(page.getByTestId('nav-orders')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('nav-counter')).toHaveCount(0);
    await expect(page.getByTestId('nav-exceptions')).toBeVisible();
    await signIn(page, app.url, 'service1');
    await expect(page.getByTestId('nav-orders')).toHaveAttribute('aria-current', 'page');
    await page.getByTestId('nav-counter').click();
    await expect(page.getByRole('heading', { name: '全店今日核销' })).toBeVisible();
    await expect(page.getByLabel('核销码')).toHaveCount(0);
  });

  test('a supervisor sees the whole store’s redemptions of the day, undoes one made at a clerk’s desk, exports the list', async ({
    page,
  }) => {
    const [order] = await liveCodes(app.serviceUrl);
    await signIn(page, app.url, 'clerk1');
    await lookUp(page, issuedCode(app.serviceDb, order!.orderNo), order!.storeId!);
    await page.getByRole('button', { name: '确认核销' }).click();
    await expect(page.getByTestId('counter-outcome')).toHaveAttribute('data-outcome', 'confirmed');

    // service1's desk has never redeemed anything: its list comes from the order service.
    await signIn(page, app.url, 'service1');
    await page.getByTestId('nav-counter').click();
    await expect(page.getByRole('heading', { name: '全店今日核销' })).toBeVisible();
    await expect(page.getByTestId('shift-coverage')).toContainText('订单服务');
    const row = page.locator('.shift-table tr', { hasText: order!.orderNo });
    await expect(row).toContainText('clerk1');
    await expect(row).toContainText(order!.lines[0]!.name);
    await expect(row).toHaveAttribute('data-state', 'confirmed');
    const totals = page.getByTestId('shift-totals');
    const countOf = async () => Number(/共 (\d+) 笔/.exec(await totals.innerText())?.[1]);
    const before = await countOf();
    expect(before).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${SCREENS}/shift-store.png`, fullPage: true });

    await row.getByRole('button', { name: '撤销' }).click();
    await page.getByLabel('撤销原因').fill('顾客未到店，误核销');
    await page.getByRole('button', { name: '确认撤销' }).click();
    await expect(row.getByRole('button', { name: '撤销' })).toHaveCount(0);
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(row).toHaveAttribute('data-state', 'undone', { timeout: 15_000 });
    await expect(row).toContainText('已撤销');
    await expect.poll(countOf).toBe(before - 1);
    await expect
      .poll(async () => (await liveCodes(app.serviceUrl)).map((o) => o.orderNo), { timeout: 15_000 })
      .toContain(order!.orderNo);
    await page.screenshot({ path: `${SCREENS}/shift-store-undone.png`, fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain(order!.orderNo);
    expect(csv.split('\n').find((line) => line.includes(order!.orderNo))).toContain('已撤销');
  });
});

test.describe('two counters offline', () => {
  let service: OrderService;
  let serviceDir: string;
  let proxy: FaultProxy;
  let a: WebMode;
  let b: WebMode;
  test.beforeAll(async () => {
    serviceDir = mkdtempSync(join(tmpdir(), 'order-desk-e2e-service-'));
    service = await startOrderService({ dataDir: serviceDir, port: 0, demo: true, demoOrders: 800 });
    proxy = await startFaultProxy(service.url);
    [a, b] = await Promise.all([
      startWebMode({ service: proxy.url, demoOrders: 800 }),
      startWebMode({ service: proxy.url, demoOrders: 800 }),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
    await service?.close();
    rmSync(serviceDir, { recursive: true, force: true });
  });

  test('both redeem one code offline; after sync one is confirmed and the other is flagged in its inbox', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const [order] = await liveCodes(service.url);
    const code = issuedCode(join(serviceDir, 'orders.sqlite'), order!.orderNo);
    const pageA = await browser.newPage();
    const pageB0 = await browser.newPage();
    await signIn(pageA, a.url, 'clerk1');
    await signIn(pageB0, b.url, 'clerk1');
    // Both desks' first syncs run at once, each sealing every code's verifier (scrypt): on two
    // shared cores that takes longer than an assertion's usual five seconds.
    for (const page of [pageA, pageB0])
      await expect(page.getByRole('status', { name: 'sync' })).toContainText('已全部同步', { timeout: 30_000 });

    await proxy.refuse();
    for (const page of [pageA, pageB0]) {
      await lookUp(page, code, order!.storeId!);
      await page.getByRole('button', { name: '确认核销' }).click();
      await expect(page.getByTestId('counter-outcome')).toHaveAttribute('data-outcome', 'provisional');
      await expect(page.getByTestId('counter-outcome')).toContainText('已离线核销，待同步确认');
    }
    await proxy.restore();
    for (const page of [pageA, pageB0]) {
      await page.getByRole('button', { name: '立即同步' }).click();
      await expect(page.getByRole('status', { name: 'sync' })).toContainText('已全部同步');
      await expect(page.locator('.shift-table tr[data-state="provisional"]')).toHaveCount(0);
    }

    // Whichever synced first holds the redemption; the other is flagged with who, where and when.
    const rejectedOnA = await pageA.locator('.shift-table tr[data-state="rejected"]').count();
    const [winner, loser] = rejectedOnA > 0 ? [pageB0, pageA] : [pageA, pageB0];
    await expect(winner.locator('.shift-table tr[data-state="confirmed"]')).toHaveCount(1);
    await expect(loser.locator('.shift-table tr[data-state="rejected"]')).toHaveCount(1);
    await expect(loser.getByTestId('settled')).toContainText('已被他处核销');
    await expect(loser.getByTestId('counter-outcome').locator('strong')).toHaveText('核销被拒绝：该码已被他处核销');
    await expect(winner.getByTestId('counter-outcome').locator('strong')).toHaveText('核销成功');
    const pageB = loser;
    await expect(pageB.getByTestId('nav-exceptions-count')).toHaveText('1');
    await pageB.screenshot({ path: `${SCREENS}/counter-conflict.png` });
    await pageB.getByTestId('nav-exceptions').click();
    const item = pageB.getByTestId('exception');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('核销');
    await expect(item).toContainText(order!.orderNo);
    await expect(item.getByTestId('used-by')).toContainText('clerk1');
    await expect(item).toContainText(`门店 ${order!.storeId!}`);
    await expect(item).not.toContainText('storeId');
    await expect(item).toContainText('服务端当前状态交易完成');
    await pageB.screenshot({ path: `${SCREENS}/exceptions.png` });

    // Dismissed with a reason, it leaves the inbox and the count.
    await item.getByRole('button', { name: '忽略' }).click();
    await item.getByLabel('忽略原因（必填）').fill('顾客已在另一台核销');
    await item.getByRole('button', { name: '确认忽略' }).click();
    await expect(pageB.getByTestId('exception')).toHaveCount(0);
    await expect(pageB.getByTestId('nav-exceptions-count')).toHaveCount(0);
  });
});
