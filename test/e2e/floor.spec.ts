import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderRecord } from '../../src/shared/contract/records';
import { DEMO_PRODUCTS, DEMO_SEED } from '../../src/server/demo/company';
import { demoBuyer } from '../../src/shared/demo/people';
import { isLogisticsAnomaly, logisticsWatch } from '../../src/shared/domain/logistics-watch';
import { pickOption } from './support/ant';
import { openFromList } from './support/detail';
import { buyerAsks, serviceOrder, serviceOrders } from './support/service-api';
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
async function decodeLabel(page: Page, name: string): Promise<{ codes: string[]; text: string }> {
  mkdirSync(PDFS, { recursive: true });
  const file = join(PDFS, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  // 100 × 150 mm is 283.46 × 425.20 pt; Chromium lays pages out in whole CSS pixels, a fraction of a point less.
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  expect(Math.abs(Number(width) - 283.46)).toBeLessThan(1);
  expect(Math.abs(Number(height) - 425.2)).toBeLessThan(1);
  const prefix = join(PDFS, name);
  execFileSync('pdftoppm', ['-r', '203', '-png', file, prefix]);
  const png = readdirSync(PDFS).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))!;
  const codes = execFileSync('zbarimg', ['-q', join(PDFS, png)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  return { codes, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1500 });
  await loadPool();
});
test.afterAll(async () => {
  await app.stop();
});

/** The screen as it is now, at the two desk sizes the product is checked at. */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENS}/${name}-${size.width}x${size.height}.png` });
  }
}

const barcodeOf = (sku: string) => DEMO_PRODUCTS.find((p) => p.sku === sku)!.barcode!;

/** Paid Shanghai parcel orders nobody has touched, as the service holds them. */
async function waitingToShip(): Promise<OrderRecord[]> {
  return [...(await serviceOrders(app.serviceUrl, 'warehouse1')).values()].filter(
    (o) =>
      o.status === 'PENDING_SHIPMENT' &&
      o.warehouseId === 'WH-SH' &&
      !o.locked &&
      o.exception === null &&
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
  const printed = await decodeLabel(page, 'label-100x150');
  expect(printed.codes).toEqual([`CODE-128:${trackingNo}`]);
  // The label's words are real text in the PDF: the order, the number and the receiver read back.
  for (const words of [order.orderNo, trackingNo, order.receiver!.name]) expect(printed.text).toContain(words);
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
  // The count of the shift so far, once the desk has answered (it reads 0 until then).
  await expect(page.getByTestId('shift-orders')).toHaveAttribute('data-state', 'loaded');
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

/** The demo mall's buyer `buyerIndex` orders and pays, as a shop's checkout does. */
async function placePaid(buyerIndex: number, lines: Array<{ sku: string; quantity: number }>): Promise<OrderRecord> {
  const token = await adminToken();
  const post = (path: string, body: unknown) =>
    fetch(`${app.serviceUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }).then(async (r) => {
      expect(r.status, path).toBe(200);
      return (await r.json()) as { orders: OrderRecord[] };
    });
  const placed = await post('/v1/demo/orders', { lines, buyerIndex });
  const paid = await post('/v1/events/payment-confirmed', {
    orderNo: placed.orders[0]!.orderNo,
    channel: 'WECHAT_PAY',
    serialNo: `4200002${String(Date.now()).slice(-12)}${buyerIndex % 10}`,
  });
  return paid.orders[0]!;
}

async function adminToken(): Promise<string> {
  const login = await fetch(`${app.serviceUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  return ((await login.json()) as { token: string }).token;
}

test('拆单 at the station: two parcels, each verified and shipped under its own label, the service sees both', async ({
  page,
}) => {
  const order = (await waitingToShip()).find((o) => o.lines.length === 2)!;
  expect(order).toBeDefined();
  const [first, second] = order.lines as [OrderRecord['lines'][0], OrderRecord['lines'][0]];
  await openStation(page);
  await scan(page, order.orderNo);
  await page.getByTestId('split-order').click();
  const dialog = page.getByTestId('split-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('spinbutton', { name: `${second.name} 放进包裹 2 的件数` }).fill(String(second.quantity));
  await shots(page, 'split-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('verify-order')).toContainText('拆单：第 1 / 2 个包裹');

  const numbers: string[] = [];
  for (const line of [first, second]) {
    await expect(page.getByLabel('商品条码')).toBeFocused();
    await scan(page, `${line.quantity}*${barcodeOf(line.sku)}`);
    await expect(page.getByTestId('verify-complete')).toBeVisible();
    // The station hands the keyboard to the tracking field once the parcel is verified.
    await expect(page.getByLabel('运单号')).toBeFocused();
    await page.keyboard.press('Enter');
    const label = page.getByTestId('waybill-label');
    await expect(label).toHaveCount(1);
    numbers.push((await label.getAttribute('data-tracking-no'))!);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('scan-notice')).toContainText(`已发货：${order.orderNo}`);
    if (line === first) {
      await scan(page, order.orderNo);
      await expect(page.getByTestId('verify-order')).toContainText('拆单：第 2 / 2 个包裹');
    }
  }
  expect(new Set(numbers).size).toBe(2);
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order.orderNo);
      return [held?.status, held?.waybills.map((w) => [w.trackingNo, w.lines])];
    })
    .toEqual([
      'PENDING_RECEIPT',
      [
        [numbers[0], [{ lineNo: first.lineNo, quantity: first.quantity }]],
        [numbers[1], [{ lineNo: second.lineNo, quantity: second.quantity }]],
      ],
    ]);
});

test('合单 at the station: two orders of one buyer leave in one parcel under one label', async ({ page }) => {
  const buyerIndex = Array.from({ length: 5000 }, (_, i) => i).find(
    (i) => demoBuyer(DEMO_SEED, i).home.warehouse === 'WH-SH',
  )!;
  const goods = DEMO_PRODUCTS.filter(
    (p) => p.kind === 'PHYSICAL' && p.onSale && p.barcode && p.merchantId === 'MCH-0001',
  );
  const a = await placePaid(buyerIndex, [{ sku: goods[0]!.sku, quantity: 2 }]);
  const b = await placePaid(buyerIndex, [{ sku: goods[1]!.sku, quantity: 1 }]);
  expect(b.warehouseId).toBe(a.warehouseId);
  // Signing in syncs the desk: both new orders are on it.
  await openStation(page);
  await scan(page, a.orderNo);
  await page.getByTestId('merge-order').click();
  const dialog = page.getByTestId('merge-dialog');
  await expect(dialog.getByTestId(`merge-candidate-${b.orderNo}`)).toBeVisible();
  // The first candidate has the keyboard: Enter confirms the merge.
  await expect(dialog.getByRole('checkbox').first()).toBeFocused();
  await shots(page, 'merge-dialog');
  // The demo's history may hold another paid order of this buyer in the same warehouse, offered
  // too: this parcel is a's and b's only.
  for (const candidate of await dialog.locator('[data-testid^="merge-candidate-"]').all()) {
    if ((await candidate.getAttribute('data-testid')) !== `merge-candidate-${b.orderNo}`) await candidate.click();
  }
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('verify-merged')).toContainText(b.orderNo);
  await scan(page, `2*${goods[0]!.barcode}`);
  await scan(page, goods[1]!.barcode!);
  await expect(page.getByTestId('verify-complete')).toBeVisible();
  await expect(page.getByLabel('运单号')).toBeFocused();
  await page.keyboard.press('Enter');
  const label = page.getByTestId('waybill-label');
  await expect(label).toHaveCount(1);
  const trackingNo = (await label.getAttribute('data-tracking-no'))!;
  await expect(label).toContainText(b.orderNo);
  await page.screenshot({ path: `${SCREENS}/merge-label.png` });
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => {
      const held = await serviceOrders(app.serviceUrl, 'warehouse1');
      return [a, b].map((o) => [held.get(o.orderNo)?.status, held.get(o.orderNo)?.waybills[0]?.trackingNo]);
    })
    .toEqual([
      ['PENDING_RECEIPT', trackingNo],
      ['PENDING_RECEIPT', trackingNo],
    ]);
});

/** Shanghai orders on their way in one parcel nobody has heard of since it left. */
async function inTransit(): Promise<OrderRecord[]> {
  return [...(await serviceOrders(app.serviceUrl, 'warehouse1')).values()].filter(
    (o) =>
      o.status === 'PENDING_RECEIPT' &&
      o.warehouseId === 'WH-SH' &&
      o.waybills.length === 1 &&
      o.waybills[0]!.status === 'IN_TRANSIT',
  );
}

/** A tracking aggregator's push: the events as a JSON string, signed with the shared secret. */
async function carrierPushes(waybill: OrderRecord['waybills'][0], status: string, description: string) {
  const param = JSON.stringify({
    sentAt: Date.now(),
    events: [
      {
        carrier: waybill.carrier,
        trackingNo: waybill.trackingNo,
        time: Date.now() - 60_000,
        status,
        description,
        location: '上海市',
      },
    ],
  });
  const sign = createHmac('sha256', 'demo-logistics-secret').update(param, 'utf8').digest('hex');
  const pushed = await fetch(`${app.serviceUrl}/v1/logistics/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ param, sign }),
  });
  expect(pushed.status).toBe(200);
}

test('a carrier’s push signs a parcel for, and the desk shows it', async ({ page }) => {
  const [shipped] = await inTransit();
  const [waybill] = shipped!.waybills;
  await carrierPushes(waybill!, 'DELIVERED', '已签收，签收人：本人');

  await signIn(page, app.url, 'warehouse1');
  await page.getByTestId('nav-orders').click();
  // A warehouse never holds a service order: the 待核销 tab is not there to distract.
  await expect(page.locator('[data-status="PENDING_SHIPMENT"]')).toBeVisible();
  await expect(page.locator('[data-status="PENDING_REDEMPTION"]')).toHaveCount(0);
  await openFromList(page, shipped!.orderNo);
  const parcel = page.locator(`.waybill[data-tracking-no="${waybill!.trackingNo}"]`);
  await expect(parcel).toContainText('已签收');
  await expect(parcel).toContainText('【上海市】已签收：已签收，签收人：本人');
  await parcel.scrollIntoViewIfNeeded();
  await shots(page, 'tracking-signed');
});

test('退货扫描: the return parcel’s number opens its request, and the goods are received', async ({ page }) => {
  const order = [...(await serviceOrders(app.serviceUrl, 'warehouse1')).values()].find(
    (o) => o.status === 'PENDING_RECEIPT' && o.warehouseId === 'WH-SH' && o.refundStatus === 'NONE' && !o.locked,
  )!;
  const returnNo = `YT${String(Date.now()).slice(-13).padStart(13, '8')}`;
  const request = await buyerAsks(app.serviceUrl, order.orderNo, 'RETURN_REFUND', '尺码偏小', {
    carrier: 'YTO',
    trackingNo: returnNo,
  });
  const card = page.locator(`.after-sale[data-after-sale-no="${request.afterSaleNo}"]`);
  // Customer service approves; the parcel is then on its way back.
  await signIn(page, app.url, 'service1');
  await openFromList(page, order.orderNo);
  await card.getByRole('button', { name: '审核通过' }).click();
  await expect(card.locator('.after-sale-status')).toHaveText('待退货入库');
  await page.keyboard.press('Escape');

  await signIn(page, app.url, 'warehouse1');
  await page.getByTestId('nav-returns').click();
  await expect(page.getByLabel('退货快递单号')).toBeFocused();
  await shots(page, 'return-scan');
  await scan(page, 'YT0000000000000');
  await expect(page.getByTestId('return-missing')).toContainText('YT0000000000000');
  await scan(page, returnNo.toLowerCase());
  await expect(page.getByRole('dialog', { name: `订单详情 ${order.orderNo}` })).toBeVisible();
  await expect(card.locator('.after-sale-status')).toHaveText('待退货入库');
  await card.scrollIntoViewIfNeeded();
  await shots(page, 'return-scan-opened');
  await card.getByRole('button', { name: '确认退货入库' }).click();
  await expect(card.locator('.after-sale-status')).toHaveText('待退款');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('return-found')).toContainText(request.afterSaleNo);
  await expect(page.getByLabel('退货快递单号')).toBeFocused();
  await expect
    .poll(
      async () =>
        (await serviceOrder(app.serviceUrl, order.orderNo))?.afterSales.find((a) => a.id === request.id)?.status,
    )
    .toBe('PENDING_REFUND');
});

test('物流异常: the list finds a refused parcel and parcels gone quiet, and nothing that is fine', async ({ page }) => {
  const [refused] = await inTransit();
  await carrierPushes(refused!.waybills[0]!, 'REJECTED', '收件人拒收');
  await signIn(page, app.url, 'warehouse1');
  await page.getByTestId('nav-orders').click();
  await page.locator('[data-status="ALL"]').click();
  await page.getByTestId('filters-toggle').click();
  await pickOption(page, page.getByTestId('filter-logisticsAnomaly'), '3 天无更新、退回或拒收');
  await page.getByTestId('filters-apply').click();
  await expect(page.locator('.filter-chips')).toContainText('物流异常');
  const rows = page.locator('.tbody .tr[data-order-no]');
  await expect(rows.first()).toBeVisible();
  await shots(page, 'logistics-anomaly');
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-order-no')!));
  const held = await serviceOrders(app.serviceUrl, 'warehouse1');
  for (const orderNo of shown)
    expect(isLogisticsAnomaly(logisticsWatch(held.get(orderNo)!), Date.now(), 3), orderNo).toBe(true);
  // The refused parcel is among them, whatever else is.
  await page.getByRole('searchbox').fill(refused!.orderNo);
  await page.getByRole('searchbox').press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(page.locator(`.tbody .tr[data-order-no="${refused!.orderNo}"]`)).toBeVisible();
});
