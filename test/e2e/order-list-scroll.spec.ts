import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { OrderRecord } from '../../src/shared/contract/records';
import { serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
const ORDERS = 20_000;
let app: WebMode;
let orders: OrderRecord[];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  app = await startWebMode({ demoOrders: ORDERS });
  orders = [...(await serviceOrders(app.serviceUrl)).values()];
});
test.afterAll(async () => {
  await app.stop();
});

test('a result of 20,000 orders scrolls to its very last row, the oldest order', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, app.url, 'admin');
  const total = orders.length;
  expect(total).toBeGreaterThanOrEqual(ORDERS);
  // The first sync of so many orders takes a while: the list counts all of them once it is done.
  await expect(page.locator('.list-total')).toHaveText(`共 ${total.toLocaleString('en-US')} 单`, {
    timeout: 180_000,
  });

  // The list's default sort is the newest first: its last row is the oldest order (orders placed
  // at the same instant, split children, may stand in either order).
  const oldest = Math.min(...orders.map((o) => o.createdAt));
  const lastOnes = new Set(orders.filter((o) => o.createdAt === oldest).map((o) => o.orderNo));

  // The user drags the scrollbar's thumb to the bottom.
  const scroller = page.getByTestId('order-scroll');
  await scroller.evaluate((el: { scrollTop: number; scrollHeight: number }) => {
    el.scrollTop = el.scrollHeight;
  });
  const last = page.locator(`.tbody .tr[aria-rowindex="${total}"]`);
  // Its page comes from main in one request; a busy CI machine may take a few seconds.
  await expect(last).toHaveAttribute('data-order-no', /.+/, { timeout: 20_000 });
  const orderNo = (await last.getAttribute('data-order-no'))!;
  expect(lastOnes.has(orderNo)).toBe(true);
  // Drawn inside the scroller's box, not below it.
  const box = (await scroller.boundingBox())!;
  const row = (await last.boundingBox())!;
  expect(row.y + row.height).toBeLessThanOrEqual(box.y + box.height + 1);
  expect(row.y).toBeGreaterThan(box.y);
  await expect(page.locator(`.tbody .tr[aria-rowindex="${total + 1}"]`)).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/order-list-last-row.png` });
});

test('exporting all 20,000 orders shows its progress on the way and every order in the file', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, app.url, 'admin');
  const total = orders.length;
  await expect(page.locator('.list-total')).toHaveText(`共 ${total.toLocaleString('en-US')} 单`, {
    timeout: 120_000,
  });
  // Every text the progress line shows, as it changes (a screenshot could miss a short export).
  await page.evaluate(`(() => {
    window.__exportTexts = [];
    new MutationObserver(() => {
      const status = document.querySelector('[role=status][aria-label="导出进度"]');
      const text = status ? status.textContent : null;
      if (text && window.__exportTexts.at(-1) !== text) window.__exportTexts.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出当前筛选' }).click();
  const status = page.getByRole('status', { name: '导出进度' });
  await expect(status).toContainText(`/ ${total.toLocaleString('en-US')} 单`);
  await page.screenshot({ path: `${SCREENS}/order-list-export-progress.png` });
  const file = await (await download).path();
  await expect(status).toHaveText(`已导出 ${total.toLocaleString('en-US')} 单，文件已下载`);
  await page.screenshot({ path: `${SCREENS}/order-list-export-finished.png` });

  const seen = (await page.evaluate('window.__exportTexts')) as string[];
  const running = seen
    .map((text) => /正在导出 ([\d,]+) \/ ([\d,]+) 单/.exec(text))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]!.replace(/,/g, '')));
  // It counted up on the way: some progress strictly between nothing and everything.
  expect(running.some((written) => written > 0 && written < total)).toBe(true);
  expect(running).toEqual([...running].sort((a, b) => a - b));

  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(total + 1);
  const orderNos = new Set(lines.slice(1).map((line) => line.split(',')[0]));
  expect(orderNos).toEqual(new Set(orders.map((o) => o.orderNo)));
});
