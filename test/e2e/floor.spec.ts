import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderRecord } from '../../src/shared/contract/records';
import { DEMO_PRODUCTS } from '../../src/server/demo/company';
import { serviceOrder, serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let app: WebMode;

const PDFS = 'test-results/pdf';

/** The carrier's allotment for the Shanghai warehouse, loaded by the admin before the shift starts. */
async function loadPool(): Promise<void> {
  const login = await fetch(`${app.serviceUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const loaded = await fetch(`${app.serviceUrl}/v1/admin/waybill-pools/load`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      carrier: 'SF',
      warehouseId: 'WH-SH',
      range: { prefix: 'SF', from: 1600000000001, to: 1600000000200 },
    }),
  });
  expect(loaded.status).toBe(200);
}

/** The label page as printed to PDF, rasterised at 203 dpi (a thermal head's) and read by zbar. */
async function decodeLabel(page: Page, name: string): Promise<string[]> {
  mkdirSync(PDFS, { recursive: true });
  const file = join(PDFS, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+283\.4\d* x 425\.\d+ pts/);
  const prefix = join(PDFS, name);
  execFileSync('pdftoppm', ['-r', '203', '-png', file, prefix]);
  const png = readdirSync(PDFS).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))!;
  return execFileSync('zbarimg', ['-q', join(PDFS, png)], { encoding: 'utf8' })
    .trim()
    .split('\n');
}

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1500 });
  await loadPool();
});
test.afterAll(async () => {
  await app.stop();
});

const barcodeOf = (sku: string) => DEMO_PRODUCTS.find((p) => p.sku === sku)!.barcode!;

/** Paid Shanghai parcel orders nobody has touched, as the service holds them. */
async function waitingToShip(): Promise<OrderRecord[]> {
  return [...(await serviceOrders(app.serviceUrl, 'warehouse1')).values()].filter(
    (o) =>
      o.status === 'PENDING_SHIPMENT' &&
      o.warehouseId === 'WH-SH' &&
      !o.locked &&
      o.refundStatus === 'NONE' &&
      o.lines.every((l) => l.shippedQuantity === 0),
  );
}

/** A scanner: the whole code in a few milliseconds, then Enter, into whatever field has the focus. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 3 });
  await page.keyboard.press('Enter');
}

async function openStation(page: Page): Promise<void> {
  await signIn(page, app.url, 'warehouse1');
  await page.getByTestId('nav-floor').click();
  await expect(page.getByTestId('scan-station')).toBeVisible();
  await expect(page.getByLabel('订单号', { exact: true })).toBeFocused();
}

test('verifies an order of three lines by scanning, refusing a wrong item and an extra unit, then ships it', async ({
  page,
}) => {
  const order = (await waitingToShip()).find((o) => o.lines.length === 3 && o.lines.some((l) => l.quantity >= 2))!;
  expect(order).toBeDefined();
  await openStation(page);
  await scan(page, order.orderNo);
  const card = page.getByTestId('verify-order');
  await expect(card).toHaveAttribute('data-order-no', order.orderNo);
  await expect(page.getByLabel('商品条码')).toBeFocused();

  // A wrong item: refused loudly, named, nothing counted.
  const stranger = DEMO_PRODUCTS.find((p) => p.barcode && !order.lines.some((l) => l.sku === p.sku))!;
  await scan(page, stranger.barcode!);
  await expect(page.getByTestId('scan-refusal')).toContainText(`错货：${stranger.name}`);
  await page.screenshot({ path: `${SCREENS}/scan-station-refusal.png` });

  const [first, second, third] = order.lines as [
    OrderRecord['lines'][0],
    OrderRecord['lines'][0],
    OrderRecord['lines'][0],
  ];
  // The first line unit by unit, then one unit too many.
  for (let i = 0; i < first.quantity; i++) await scan(page, barcodeOf(first.sku));
  await expect(card.locator(`tr[data-line-no="${first.lineNo}"]`)).toHaveAttribute(
    'data-verified',
    String(first.quantity),
  );
  await scan(page, barcodeOf(first.sku));
  await expect(page.getByTestId('scan-refusal')).toContainText(`多件：${first.name}`);
  await expect(card.locator(`tr[data-line-no="${first.lineNo}"]`)).toHaveAttribute(
    'data-verified',
    String(first.quantity),
  );

  // The second line with a typed count, by its SKU code.
  await scan(page, `${second.quantity}*${second.sku}`);
  await expect(card.locator(`tr[data-line-no="${second.lineNo}"]`)).toHaveAttribute(
    'data-verified',
    String(second.quantity),
  );

  // Closing the order keeps its scans: open it again and finish.
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(page.getByLabel('订单号', { exact: true })).toBeFocused();
  await scan(page, order.orderNo);
  await expect(card.locator(`tr[data-line-no="${second.lineNo}"]`)).toHaveAttribute(
    'data-verified',
    String(second.quantity),
  );
  for (let i = 0; i < third.quantity; i++) await scan(page, barcodeOf(third.sku));
  await expect(page.getByTestId('verify-complete')).toBeVisible();
  await expect(page.getByLabel('运单号')).toBeFocused();
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENS}/scan-station-${size.width}x${size.height}.png` });
  }

  // Enter on the empty tracking field: the label's number comes from this desk's block, the parcel ships, the label prints.
  await page.keyboard.press('Enter');
  const label = page.getByTestId('waybill-label');
  await expect(label).toHaveCount(1);
  const trackingNo = (await label.getAttribute('data-tracking-no'))!;
  expect(trackingNo).toMatch(/^SF1600000000[0-2]\d\d$/);
  await expect(label).toContainText(order.receiver!.name);
  await expect(label).toContainText(order.orderNo);
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENS}/label-print-${size.width}x${size.height}.png` });
  }
  expect(await decodeLabel(page, 'label-100x150')).toEqual([`CODE-128:${trackingNo}`]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('label-print')).toHaveCount(0);
  await expect(page.getByTestId('scan-notice')).toContainText(`已发货：${order.orderNo}`);
  await expect(page.getByLabel('订单号', { exact: true })).toBeFocused();
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order.orderNo);
      return [held?.status, held?.waybills.map((w) => w.trackingNo)];
    })
    .toEqual(['PENDING_RECEIPT', [trackingNo]]);
});

test('one-scan shipping: five orders in a row, the shift count running', async ({ page }) => {
  const orders = (await waitingToShip()).filter((o) => o.lines.length <= 2).slice(0, 5);
  expect(orders).toHaveLength(5);
  await openStation(page);
  const before = Number((await page.getByTestId('shift-orders').textContent())!.match(/\d+/)![0]);
  const numbers: string[] = [];
  for (const order of orders) {
    await scan(page, order.orderNo);
    await expect(page.getByTestId('verify-order')).toHaveAttribute('data-order-no', order.orderNo);
    for (const line of order.lines) await scan(page, `${line.quantity}*${barcodeOf(line.sku)}`);
    await expect(page.getByLabel('运单号')).toBeFocused();
    // The one scan that ships: Enter prints the label from the desk's block and ships with its number.
    await page.keyboard.press('Enter');
    const label = page.getByTestId('waybill-label');
    await expect(label).toHaveCount(1);
    numbers.push((await label.getAttribute('data-tracking-no'))!);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('scan-notice')).toContainText(`已发货：${order.orderNo}`);
  }
  await expect(page.getByTestId('shift-orders')).toContainText(`${before + 5} 单`);
  await page.screenshot({ path: `${SCREENS}/scan-station-shift.png` });
  await expect
    .poll(async () => {
      const held = await serviceOrders(app.serviceUrl, 'warehouse1');
      return orders.map((o) => held.get(o.orderNo)?.waybills[0]?.trackingNo);
    })
    .toEqual(numbers);
});
