import { expect, test } from '@playwright/test';
import { signIn, startWebMode, type WebMode } from './support/web-mode';
import { switchLanguage } from './support/ant';

let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1500 });
});
test.afterAll(async () => {
  await app.stop();
});

test('a user signs in, the desk syncs, and the list shows orders with status tabs and counts', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '登录订单工作台' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/sign-in.png' });
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');

  await signIn(page, app.url, 'admin');
  await expect(page.getByRole('heading', { name: '订单工作台' })).toBeVisible();
  const rows = page.locator('.tbody .tr');
  await expect(page.locator('[data-status="ALL"] .count')).toHaveText('1,500');
  // The first sync lands after the list's first (empty) answer: the rows must still come.
  await expect(page.locator('.list-total')).toContainText('1,500');
  await expect(page.getByText('没有符合条件的订单')).toHaveCount(0);
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('已全部同步');
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('在线');
  await page.screenshot({ path: 'test-results/screens/order-list.png' });

  await page.locator('[data-status="PENDING_SHIPMENT"]').click();
  await expect(page.getByRole('tab').filter({ has: page.locator('[data-status="PENDING_SHIPMENT"]') })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const shipCount = Number(
    (await page.locator('[data-status="PENDING_SHIPMENT"] .count').innerText()).replace(/,/g, ''),
  );
  expect(shipCount).toBeGreaterThan(0);
  await expect(page.locator('.tbody .tr [data-column=status]').first()).toHaveText('待发货');
  const statuses = await page.locator('.tbody .tr [data-column=status]').allInnerTexts();
  expect(new Set(statuses)).toEqual(new Set(['待发货']));
});

test('searching by a receiver’s phone fragment finds the order', async ({ page }) => {
  await signIn(page, app.url, 'admin');
  const first = page.locator('.tbody .tr').first();
  const orderNo = (await first.getAttribute('data-order-no'))!;
  const phone = await first.locator('[data-column=receiverPhone]').innerText();
  const fragment = phone.slice(3, 9);
  await page.getByRole('searchbox').fill(fragment);
  await page.getByRole('button', { name: '搜索' }).click();
  // Free text covers order no., name, phone and tracking no.: every row matches on one of them.
  await expect
    .poll(async () => {
      const rows = await page.locator('.tbody .tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          orderNo: tr.getAttribute('data-order-no') ?? '',
          phone: tr.querySelector('[data-column=receiverPhone]')?.textContent ?? '',
        })),
      );
      const allMatch = rows.every((r) => r.phone.includes(fragment) || r.orderNo.includes(fragment));
      return allMatch && rows.some((r) => r.orderNo === orderNo);
    })
    .toBe(true);
});

test('the language switch shows the list in English', async ({ page }) => {
  await signIn(page, app.url, 'admin');
  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Order desk' })).toBeVisible();
  await expect(page.locator('[data-status="PENDING_SHIPMENT"]')).toContainText('To ship');
  await page.screenshot({ path: 'test-results/screens/order-list-en.png' });
});

test('a warehouse desk sees only its own warehouse’s orders', async ({ page }) => {
  await signIn(page, app.url, 'warehouse1');
  await expect(page.locator('.who')).toContainText('上海仓发货台');
  // The counts follow the sync page by page: read them once the first pull has landed.
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('上次同步', { timeout: 30_000 });
  const all = async () => Number((await page.locator('[data-status="ALL"] .count').innerText()).replace(/,/g, ''));
  await expect.poll(all).toBeGreaterThan(0);
  expect(await all()).toBeLessThan(1500);
});

test('a page opened without the token says how to connect, and the API refuses it', async ({ browser, request }) => {
  // A fresh browser context: no token kept from an earlier visit.
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url.replace(/#.*$/, ''));
  await expect(page.getByText('未连接到应用')).toBeVisible();
  const response = await request.post(`${app.origin}/api/orders.list`, { data: {} });
  expect(response.status()).toBe(401);
});
