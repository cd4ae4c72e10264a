import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readTable } from '../../src/shared/files/read';
import type { OrderRecord } from '../../src/shared/contract/records';
import { serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';
import { pressLikeAPerson } from './support/keys';
import { fillRange, pickOption, pickOptions } from './support/ant';

const SCREENS = 'test-results/screens';
const SHANGHAI = 8 * 3600_000;
let app: WebMode;
/** What the order service holds: the truth every count and row is checked against. */
let orders: OrderRecord[];

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1500 });
  orders = [...(await serviceOrders(app.serviceUrl)).values()];
});
test.afterAll(async () => {
  await app.stop();
});

/** "2026-12-06" of an instant, as a user in Shanghai (the test browser's zone) reads it. */
const dayIn = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - SHANGHAI;
const footer = (page: Page) => page.locator('.list-total');
const rows = (page: Page) => page.locator('.tbody .tr:not(.placeholder-row)');
const cells = (page: Page, column: string) => page.locator(`.tbody .tr [data-column=${column}]`).allInnerTexts();
const filters = (page: Page) => page.getByRole('form', { name: '筛选条件' });
const chips = (page: Page) => page.locator('.filter-chips .chip');
const tab = (page: Page, status: string) =>
  page.getByRole('tab').filter({ has: page.locator(`[data-status="${status}"]`) });

async function expectTotal(page: Page, n: number): Promise<void> {
  await expect(footer(page)).toHaveText(`共 ${n.toLocaleString('en-US')} 单`);
}

/**
 * The orders a filter matches as the service holds them now, once the list shows as many: the
 * service's timer sweep confirms receipts that come due while the spec runs, so a count taken when
 * it began goes stale (and the desk learns of each sweep on its next sync).
 */
async function matchingNow(page: Page, keep: (order: OrderRecord) => boolean): Promise<OrderRecord[]> {
  let matching: OrderRecord[] = [];
  await expect
    .poll(async () => {
      matching = [...(await serviceOrders(app.serviceUrl)).values()].filter(keep);
      return (await footer(page).innerText()) === `共 ${matching.length.toLocaleString('en-US')} 单`;
    })
    .toBe(true);
  return matching;
}

test('the filters panel narrows by payment channel, a time range and a province; chips show and remove them', async ({
  page,
}) => {
  await signIn(page, app.url, 'admin');
  await expectTotal(page, orders.length);
  // A range over the middle of the demo's days, and the province most Alipay orders in it go to.
  const days = [...new Set(orders.map((o) => dayIn(o.createdAt)))].sort();
  const from = days[Math.floor(days.length / 3)]!;
  const to = days[Math.floor((days.length * 2) / 3)]!;
  const inRange = (o: OrderRecord) => o.createdAt >= dayStart(from) && o.createdAt < dayStart(to) + 86_400_000;
  const alipay = orders.filter((o) => o.payment.channel === 'ALIPAY' && inRange(o));
  const delivered = alipay.filter((o) => o.receiver !== null);
  const byProvince = new Map<string, number>();
  for (const o of delivered) byProvince.set(o.receiver!.province, (byProvince.get(o.receiver!.province) ?? 0) + 1);
  const [province] = [...byProvince.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const expected = alipay.filter((o) => o.receiver?.province === province);
  expect(expected.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: '展开筛选' }).click();
  await pickOptions(page, filters(page).getByTestId('filter-paymentChannels'), ['支付宝']);
  await fillRange(filters(page).getByTestId('filter-time'), from, to);
  await pickOptions(page, filters(page).getByTestId('filter-provinces'), [province]);
  await page.screenshot({ path: `${SCREENS}/order-list-filters-open.png` });
  await filters(page).getByRole('button', { name: '查询' }).click();

  await expect(chips(page)).toHaveText(['支付方式: 支付宝', `省份: ${province}`, `下单时间: ${from} – ${to}`]);
  await expectTotal(page, expected.length);
  await expect(page.locator('[data-status="ALL"] .count')).toHaveText(expected.length.toLocaleString('en-US'));
  const shown = await cells(page, 'orderNo');
  expect(shown.length).toBe(Math.min(expected.length, await page.locator('.tbody .tr').count()));
  const matching = new Set(expected.map((o) => o.orderNo));
  for (const orderNo of shown) expect(matching.has(orderNo)).toBe(true);
  expect(new Set(await cells(page, 'paymentChannel'))).toEqual(new Set(['支付宝']));
  for (const region of await cells(page, 'region')) expect(region.startsWith(province)).toBe(true);
  await page.screenshot({ path: `${SCREENS}/order-list-filtered.png` });

  // Dropping the province widens the result to every Alipay order of those days.
  await page.getByRole('button', { name: `移除筛选：省份: ${province}` }).click();
  await expect(chips(page)).toHaveCount(2);
  await expectTotal(page, alipay.length);
});

test('free text finds orders by an order number’s beginning, a receiver’s name and a tracking number', async ({
  page,
}) => {
  await signIn(page, app.url, 'admin');
  const search = async (text: string) => {
    await page.getByRole('searchbox').fill(text);
    await page.getByRole('button', { name: '搜索' }).click();
  };

  const prefix = orders[0]!.orderNo.slice(0, -2);
  const byPrefix = orders.filter((o) => o.orderNo.startsWith(prefix));
  await search(prefix);
  await expectTotal(page, byPrefix.length);
  expect(new Set(await cells(page, 'orderNo'))).toEqual(new Set(byPrefix.map((o) => o.orderNo)));

  const name = orders.find((o) => (o.receiver?.name.length ?? 0) >= 3)!.receiver!.name;
  const byName = orders.filter((o) => o.receiver?.name.includes(name));
  await search(name);
  await expectTotal(page, byName.length);
  expect(new Set(await cells(page, 'receiverName'))).toEqual(new Set(byName.map((o) => o.receiver!.name)));

  const shipped = orders.find((o) => o.waybills.length > 0)!;
  const trackingNo = shipped.waybills[0]!.trackingNo;
  await search(trackingNo);
  await expectTotal(page, 1);
  await expect(rows(page)).toHaveAttribute('data-order-no', shipped.orderNo);
  await expect(rows(page).locator('[data-column=trackingNos]')).toContainText(trackingNo);
});

test('a click on a column’s title sorts by it, again reverses it', async ({ page }) => {
  await signIn(page, app.url, 'admin');
  const header = page.getByRole('columnheader', { name: '实付金额' });
  const amounts = async () => (await cells(page, 'payable')).map((t) => Number(t.replace(/[^\d.]/g, '')));
  const payables = orders.map((o) => o.amounts.payable / 100);

  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await amounts())[0]).toBe(Math.max(...payables));
  const down = await amounts();
  expect(down).toEqual([...down].sort((a, b) => b - a));

  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => (await amounts())[0]).toBe(Math.min(...payables));
  const up = await amounts();
  expect(up).toEqual([...up].sort((a, b) => a - b));
});

test('columns the user hides or shows stay so across tabs, searches and a restart', async ({ page }) => {
  await signIn(page, app.url, 'admin');
  await page.getByText('列设置').click();
  const chooser = page.getByRole('group', { name: '列设置' });
  await chooser.getByRole('checkbox', { name: '手机号' }).uncheck();
  await chooser.getByRole('checkbox', { name: '平台' }).check();
  await page.getByText('列设置').click();
  await expect(page.getByRole('columnheader', { name: '手机号' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '平台' })).toBeVisible();
  // The new column comes last.
  await expect(page.getByRole('columnheader').last()).toHaveText('平台');

  await page.locator('[data-status="PENDING_SHIPMENT"]').click();
  await page.getByRole('searchbox').fill('M');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.locator('.tbody .tr [data-column=platform]').first()).toBeVisible();
  await expect(page.locator('.tbody .tr [data-column=receiverPhone]')).toHaveCount(0);

  await page.reload();
  await expect(page.locator('.tbody .tr [data-column=platform]').first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '手机号' })).toHaveCount(0);
  await expect(page.getByRole('columnheader').last()).toHaveText('平台');
});

test('a saved view brings back its filters, columns and sort; the default one opens with the list', async ({
  page,
}) => {
  await signIn(page, app.url, 'admin');
  const expected = orders.filter((o) => o.status === 'PENDING_SHIPMENT' && o.payment.channel === 'WECHAT_PAY');

  await page.locator('[data-status="PENDING_SHIPMENT"]').click();
  await page.getByRole('button', { name: '展开筛选' }).click();
  await pickOptions(page, filters(page).getByTestId('filter-paymentChannels'), ['微信支付']);
  await filters(page).getByRole('button', { name: '查询' }).click();
  await page.getByRole('button', { name: '收起筛选' }).click();
  await page.getByText('列设置').click();
  await page.getByRole('group', { name: '列设置' }).getByRole('checkbox', { name: '商品' }).uncheck();
  await page.getByText('列设置').click();
  await page.getByRole('columnheader', { name: '实付金额' }).click();
  await page.getByRole('columnheader', { name: '实付金额' }).click();
  await expectTotal(page, expected.length);

  await page.getByRole('button', { name: '保存视图' }).click();
  await page.getByRole('textbox', { name: '视图名称' }).fill('微信待发货');
  await page.getByLabel('设为默认').check();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('views')).toContainText('微信待发货');

  // Away from it: another tab, no filters, the default sort.
  await page.getByRole('button', { name: '移除筛选：支付方式: 微信支付' }).click();
  await page.locator('[data-status="ALL"]').click();
  await page.getByRole('columnheader', { name: '下单时间' }).click();
  await expectTotal(page, orders.length);

  const applied = async () => {
    await expect(tab(page, 'PENDING_SHIPMENT')).toHaveAttribute('aria-selected', 'true');
    await expect(chips(page)).toHaveText(['支付方式: 微信支付']);
    await expect(page.getByRole('columnheader', { name: '实付金额' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByRole('columnheader', { name: '商品' })).toHaveCount(0);
    await expectTotal(page, expected.length);
    const cheapest = Math.min(...expected.map((o) => o.amounts.payable)) / 100;
    await expect(rows(page).first().locator('[data-column=payable]')).toHaveText(`¥${cheapest.toFixed(2)}`);
  };
  await pickOption(page, page.getByTestId('views'), '微信待发货 (默认)');
  await applied();
  await page.screenshot({ path: `${SCREENS}/order-list-view-applied.png` });

  await page.reload();
  await applied();

  // Later tests start from the plain list.
  await page.getByRole('button', { name: '删除视图' }).click();
});

test('shift-click ticks a range, "select all N" takes the whole filter; the bulk bar counts them', async ({ page }) => {
  await signIn(page, app.url, 'admin');
  const bar = page.getByTestId('bulk-bar');
  await page.getByRole('checkbox', { name: '选择第 2 行' }).click();
  await expect(bar.locator('.selection-count')).toHaveText('已选 1 单');
  await page.getByRole('checkbox', { name: '选择第 6 行' }).click({ modifiers: ['Shift'] });
  await expect(bar.locator('.selection-count')).toHaveText('已选 5 单');
  for (let n = 2; n <= 6; n++) await expect(page.getByRole('checkbox', { name: `选择第 ${n} 行` })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '选择第 1 行' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: '选择第 7 行' })).not.toBeChecked();

  await page.locator('[data-status="PENDING_RECEIPT"]').click();
  await expect(bar.locator('.selection-count')).toHaveText('已选 0 单');
  // The service's timer sweep confirms receipts that came due since the spec began: the desk must
  // show what the service holds now, not what it held then.
  let receipt = -1;
  await expect
    .poll(async () => {
      const now = await serviceOrders(app.serviceUrl);
      receipt = [...now.values()].filter((o) => o.status === 'PENDING_RECEIPT').length;
      return (await footer(page).innerText()) === `共 ${receipt.toLocaleString('en-US')} 单`;
    })
    .toBe(true);
  await bar.getByRole('button', { name: `选择全部 ${receipt.toLocaleString('en-US')} 单` }).click();
  await expect(bar.locator('.selection-count')).toHaveText(
    `已选全部 ${receipt.toLocaleString('en-US')} 单（按当前筛选）`,
  );
  await bar.getByRole('button', { name: '清除选择' }).click();
  await expect(bar.locator('.selection-count')).toHaveText('已选 0 单');
});

test('exporting the current filter downloads every matching order as a CSV, with its progress shown', async ({
  page,
}) => {
  await signIn(page, app.url, 'admin');
  await page.locator('[data-status="COMPLETED"]').click();
  await page.getByRole('button', { name: '展开筛选' }).click();
  await pickOptions(page, filters(page).getByTestId('filter-paymentChannels'), ['支付宝']);
  await filters(page).getByRole('button', { name: '查询' }).click();
  const expected = await matchingNow(page, (o) => o.status === 'COMPLETED' && o.payment.channel === 'ALIPAY');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出当前筛选' }).click();
  const file = await (await download).path();
  await expect(page.getByRole('status', { name: '导出进度' })).toHaveText(
    `已导出 ${expected.length.toLocaleString('en-US')} 单，文件已下载`,
  );
  await page.screenshot({ path: `${SCREENS}/order-list-export-done.png` });

  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trimEnd().split('\r\n');
  const header = lines[0]!.split(',');
  expect(header.slice(0, 3)).toEqual(['订单号', '订单状态', '支付状态']);
  const data = lines.slice(1).map((line) => line.split(','));
  expect(data).toHaveLength(expected.length);
  const at = (name: string) => header.indexOf(name);
  expect(new Set(data.map((r) => r[at('订单号')]))).toEqual(new Set(expected.map((o) => o.orderNo)));
  expect(new Set(data.map((r) => r[at('订单状态')]))).toEqual(new Set(['交易完成']));
  expect(new Set(data.map((r) => r[at('支付方式')]))).toEqual(new Set(['支付宝']));
});

test('exporting the list as Excel gives a workbook whose tracking numbers read back intact as text', async ({
  page,
}) => {
  await signIn(page, app.url, 'admin');
  await page.locator('[data-status="PENDING_RECEIPT"]').click();
  const expected = await matchingNow(page, (o) => o.status === 'PENDING_RECEIPT');
  await page.getByRole('group', { name: '导出格式' }).getByRole('button', { name: 'Excel' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出当前筛选' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByRole('status', { name: '导出进度' })).toHaveText(
    `已导出 ${expected.length.toLocaleString('en-US')} 单，文件已下载`,
  );
  const read = await readTable(new Uint8Array(readFileSync(await saved.path())));
  if (!read.ok) throw new Error(read.code);
  const [header, ...rows] = read.table.rows.map((r) => r.cells);
  const at = (name: string) => header!.indexOf(name);
  expect(rows).toHaveLength(expected.length);
  const tracking = new Map(rows.map((r) => [r[at('订单号')], r[at('运单号')]]));
  for (const order of expected) {
    expect(tracking.get(order.orderNo)).toBe(order.waybills.map((w) => w.trackingNo).join(' '));
  }
});

test('j and k move the cursor, / goes to the search, Enter opens the order and Esc closes it', async ({ page }) => {
  await signIn(page, app.url, 'admin');
  const cursor = page.locator('.tbody .tr.cursor');
  await expect(cursor).toHaveAttribute('aria-rowindex', '1');
  await pressLikeAPerson(page, ['j', 'j', 'j', 'k']);
  await expect(cursor).toHaveAttribute('aria-rowindex', '3');
  const orderNo = (await cursor.getAttribute('data-order-no'))!;

  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: `订单详情 ${orderNo}` });
  await expect(detail).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  // Typed into the box, j is text, not a move.
  await page.keyboard.type('j');
  await expect(page.getByRole('searchbox')).toHaveValue('j');
  await expect(cursor).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox')).not.toBeFocused();
});
