import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderRecord } from '../../src/shared/contract/records';
import { serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
const PDFS = 'test-results/print';
let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1000 });
  mkdirSync(PDFS, { recursive: true });
});
test.afterAll(async () => {
  await app.stop();
});

/** What Chromium's "Save as PDF" writes for the page as it is now: print media, the CSS page size. */
async function saveAsPdf(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const file = join(PDFS, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  return file;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
/** Table cells wrap long names over lines: compare text with all white space taken out. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
const owed = (line: OrderRecord['lines'][number]) => line.quantity - line.shippedQuantity - line.refundedQuantity;

/** Page by page: each rasterised at 200 dpi and scanned by zbar, as a handheld scanner reads paper. */
function scanPages(pdf: string, name: string): string[][] {
  const prefix = join(PDFS, name);
  run('pdftoppm', ['-r', '200', '-png', pdf, prefix]);
  return readdirSync(PDFS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => {
      // zbarimg exits 4 when a page has no barcode at all; that is an answer here, not a crash.
      try {
        return run('zbarimg', ['-q', join(PDFS, f)])
          .trim()
          .split('\n')
          .filter(Boolean);
      } catch {
        return [];
      }
    });
}

/** A click on the app's title: focus leaves every field, as when the desk user puts down the mouse. */
const leaveFields = (page: Page) => page.locator('.brand').click();

/**
 * Ticks two rows of the 待发货 tab as a desk user would, choosing among the rows on screen two
 * orders that owe the same SKU when there are such (so the pick list has something to add up).
 */
async function selectTwoWaiting(page: Page): Promise<OrderRecord[]> {
  await page.locator('[data-status="PENDING_SHIPMENT"]').click();
  await expect(page.getByRole('tab').filter({ has: page.locator('[data-status="PENDING_SHIPMENT"]') })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const rows = page.locator('.tbody .tr');
  // The tab's own rows, not the last result's still on screen.
  await expect(rows.first()).toContainText('待发货');
  const onScreen = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-order-no')))).slice(0, 20);
  const held = await serviceOrders(app.serviceUrl, 'warehouse1');
  const orders = onScreen.map((no) => held.get(no!)!);
  const skus = (o: OrderRecord) => new Set(o.lines.filter((l) => owed(l) > 0).map((l) => l.sku));
  let pair: [number, number] = [0, 1];
  search: for (let i = 0; i < orders.length; i++)
    for (let j = i + 1; j < orders.length; j++)
      if ([...skus(orders[i]!)].some((sku) => skus(orders[j]!).has(sku))) {
        pair = [i, j];
        break search;
      }
  for (const index of pair) await page.getByRole('checkbox', { name: `选择第 ${index + 1} 行` }).check();
  await expect(page.getByTestId('bulk-bar')).toContainText('已选 2');
  return pair.map((index) => orders[index]!);
}

test('a warehouse desk prints packing slips and a pick list for two selected orders, and the PDF scans back', async ({
  page,
}) => {
  await signIn(page, app.url, 'warehouse1');
  const orders = await selectTwoWaiting(page);
  expect(orders.map((o) => o.status)).toEqual(['PENDING_SHIPMENT', 'PENDING_SHIPMENT']);

  // Packing slips: one page per order, with the order number as text and as a barcode.
  await page.getByRole('button', { name: '打印装箱单' }).click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('packing-slip')).toHaveCount(2);
  for (const order of orders) {
    const slip = preview.locator(`[data-testid="packing-slip"][data-order-no="${order.orderNo}"]`);
    await expect(slip).toContainText(order.orderNo);
    await expect(slip).toContainText(order.receiver!.name);
    await expect(slip.locator('svg.barcode')).toHaveAttribute('data-value', order.orderNo);
  }
  await page.screenshot({ path: `${SCREENS}/print-packing-slips.png` });

  const slips = await saveAsPdf(page, 'packing-slips');
  expect(run('pdfinfo', [slips])).toMatch(/^Pages:\s+2$/m);
  const text = run('pdftotext', ['-layout', slips, '-']);
  const pages = text.split('\f').filter((p) => p.trim());
  expect(pages).toHaveLength(2);
  orders.forEach((order, i) => {
    const onPage = squeeze(pages[i]!);
    expect(onPage).toContain(order.orderNo);
    expect(onPage).toContain(squeeze(order.receiver!.name));
    expect(onPage).toContain(squeeze(order.receiver!.phone));
    for (const line of order.lines) expect(onPage).toContain(squeeze(line.name));
    // The app's chrome (header, list, bulk bar) is not printed.
    expect(onPage).not.toContain('退出登录');
  });
  expect(scanPages(slips, 'packing-slips')).toEqual(orders.map((o) => [`CODE-128:${o.orderNo}`]));

  // The pick list: the same orders' lines added up by SKU.
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await page.getByRole('button', { name: '打印拣货单' }).click();
  const pickList = preview.getByTestId('pick-list');
  await expect(pickList).toBeVisible();
  const expected = new Map<string, number>();
  for (const line of orders.flatMap((o) => o.lines)) {
    if (owed(line) > 0) expected.set(line.sku, (expected.get(line.sku) ?? 0) + owed(line));
  }
  const shown = await pickList
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-sku'),
        Number(tr.querySelector('[data-testid="pick-quantity"]')?.textContent),
      ]),
    );
  expect(shown).toEqual([...expected].sort(([a], [b]) => (a < b ? -1 : 1)));
  await expect(pickList.locator('tfoot')).toContainText(String([...expected.values()].reduce((a, b) => a + b, 0)));
  await page.screenshot({ path: `${SCREENS}/print-pick-list.png` });

  const picks = await saveAsPdf(page, 'pick-list');
  const pickText = squeeze(run('pdftotext', [picks, '-']));
  for (const sku of expected.keys()) expect(pickText).toContain(sku);
  for (const order of orders) expect(pickText).toContain(order.orderNo);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
});

test('the detail prints its own packing slip, box by box for an order that left in parcels', async ({ page }) => {
  await signIn(page, app.url, 'warehouse1');
  await page.locator('[data-status="PENDING_RECEIPT"]').click();
  const row = page.locator('.tbody .tr').first();
  await expect(row).toContainText('待收货');
  const orderNo = (await row.getAttribute('data-order-no'))!;
  const order = (await serviceOrders(app.serviceUrl, 'warehouse1')).get(orderNo)!;
  expect(order.waybills.length).toBeGreaterThan(0);
  await row.click();
  const panel = page.getByRole('dialog', { name: `订单详情 ${orderNo}` });
  await panel.getByRole('button', { name: '打印装箱单' }).click();
  const preview = page.getByTestId('print-preview');
  const slip = preview.getByTestId('packing-slip');
  await expect(slip).toHaveCount(1);
  await expect(slip).toHaveAttribute('data-order-no', orderNo);
  const parcels = slip.locator('.parcel-row');
  await expect(parcels).toHaveCount(order.waybills.length);
  for (const [i, waybill] of order.waybills.entries()) {
    await expect(parcels.nth(i)).toContainText(`包裹 ${i + 1}：`);
    await expect(parcels.nth(i)).toContainText(waybill.trackingNo);
  }
  await page.screenshot({ path: `${SCREENS}/print-slip-parcels.png` });
  // Esc closes the preview first, then the detail.
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('a scanned order number opens its order from the list with no field focused; other scans do nothing', async ({
  page,
}) => {
  await signIn(page, app.url, 'warehouse1');
  const rows = page.locator('.tbody .tr');
  const third = (await rows.nth(2).getAttribute('data-order-no'))!;
  await leaveFields(page);
  const cursorBefore = await page.locator('.tbody .tr.cursor').getAttribute('data-order-no');

  // Not an order number: its j, k and s must not move the list or do anything else.
  await page.keyboard.type('jjkjsks12', { delay: 3 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  await expect(page.locator('.tbody .tr.cursor')).toHaveAttribute('data-order-no', cursorBefore!);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.keyboard.type(third, { delay: 3 });
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: `订单详情 ${third}` });
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('ship-dialog')).toHaveCount(0);
});

test('? lists the shortcuts that work on the list and in the detail; Esc closes it', async ({ page }) => {
  await signIn(page, app.url, 'warehouse1');
  await leaveFields(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  const keys = help.locator('kbd');
  await expect(keys.filter({ hasText: /^j$/ })).toHaveCount(1);
  await expect(keys.filter({ hasText: /^k$/ })).toHaveCount(1);
  await expect(help).toContainText('下一行');
  await page.screenshot({ path: `${SCREENS}/shortcut-help-list.png` });
  // Keys go to the overlay in front, not to the list behind it.
  const cursorRow = page.locator('.tbody .tr.cursor');
  const cursorAt = await cursorRow.getAttribute('aria-rowindex');
  await page.keyboard.press('j');
  await expect(cursorRow).toHaveAttribute('aria-rowindex', cursorAt!);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  const row = page.locator('.tbody .tr').first();
  const orderNo = (await row.getAttribute('data-order-no'))!;
  await row.click();
  const panel = page.getByRole('dialog', { name: `订单详情 ${orderNo}` });
  await expect(panel).toBeVisible();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help.locator('kbd').filter({ hasText: /^s$/ })).toHaveCount(1);
  await expect(help.locator('kbd').filter({ hasText: /^j$/ })).toHaveCount(1);
  await expect(help).toContainText(`订单详情 ${orderNo}`);
  await page.screenshot({ path: `${SCREENS}/shortcut-help-detail.png` });
  // Esc closes the help, not the order under it.
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(panel).toBeVisible();
});
