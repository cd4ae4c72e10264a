import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PRODUCTS } from '../../src/server/demo/company';
import { startOrderService, type OrderService } from '../../src/server/index';
import type { OrderRecord } from '../../src/shared/contract/records';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { openFromList } from './support/detail';
import { buyerAsks, serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let serviceDir: string;
let service: OrderService;
let proxy: FaultProxy;
let deskA: WebMode;
let deskB: WebMode;

test.beforeAll(async () => {
  serviceDir = mkdtempSync(join(tmpdir(), 'order-desk-e2e-service-'));
  service = await startOrderService({ dataDir: serviceDir, port: 0, demo: true, demoOrders: 600 });
  proxy = await startFaultProxy(service.url);
  deskA = await startWebMode({ service: proxy.url, demoOrders: 600 });
  deskB = await startWebMode({ service: proxy.url, demoOrders: 600 });
  const login = await fetch(`${service.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const loaded = await fetch(`${service.url}/v1/admin/waybill-pools/load`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      carrier: 'SF',
      warehouseId: 'WH-SH',
      range: { prefix: 'SF', from: 1700000000001, to: 1700000000200 },
    }),
  });
  expect(loaded.status).toBe(200);
});
test.afterAll(async () => {
  await deskA?.stop();
  await deskB?.stop();
  await proxy?.close();
  await service?.close();
  rmSync(serviceDir, { recursive: true, force: true });
});

const barcodeOf = (sku: string) => DEMO_PRODUCTS.find((p) => p.sku === sku)!.barcode!;

async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 3 });
  await page.keyboard.press('Enter');
}

/** Signed in, first sync done, at the station with this desk's block of label numbers reserved. */
async function stationReady(page: Page, desk: WebMode, probe: OrderRecord): Promise<void> {
  await signIn(page, desk.url, 'warehouse1');
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('上次同步', { timeout: 30_000 });
  // A sign-in's sync pulls what other desks did meanwhile: seconds on a loaded machine.
  await expect(page.getByRole('status', { name: 'sync' })).not.toContainText('同步中', { timeout: 30_000 });
  await page.getByTestId('nav-floor').click();
  await expect(page.getByLabel('订单号', { exact: true })).toBeFocused();
  await scan(page, probe.orderNo);
  await expect(page.getByLabel('运单号')).toHaveAttribute('placeholder', /本机余 50 张面单号/);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('订单号', { exact: true })).toBeFocused();
}

/** Scan, verify, Enter: the label's number comes from this desk's block. */
async function printAndShip(page: Page, order: OrderRecord): Promise<string> {
  await scan(page, order.orderNo);
  await expect(page.getByTestId('verify-order')).toHaveAttribute('data-order-no', order.orderNo);
  for (const line of order.lines) await scan(page, `${line.quantity}*${barcodeOf(line.sku)}`);
  await expect(page.getByLabel('运单号')).toBeFocused();
  await page.keyboard.press('Enter');
  const label = page.getByTestId('waybill-label');
  await expect(label).toHaveCount(1);
  const trackingNo = (await label.getAttribute('data-tracking-no'))!;
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scan-notice')).toContainText(`已发货：${order.orderNo}`);
  return trackingNo;
}

test('two desks print labels offline from their reserved blocks, then sync: no number is used twice', async ({
  page,
  browser,
}) => {
  const orders = [...(await serviceOrders(service.url, 'warehouse1')).values()]
    .filter(
      (o) =>
        o.status === 'PENDING_SHIPMENT' &&
        o.warehouseId === 'WH-SH' &&
        !o.locked &&
        o.refundStatus === 'NONE' &&
        o.lines.length <= 2 &&
        o.lines.every((l) => l.shippedQuantity === 0),
    )
    .slice(0, 4);
  expect(orders).toHaveLength(4);
  const other = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  await stationReady(page, deskA, orders[0]!);
  await stationReady(other, deskB, orders[2]!);

  await proxy.refuse();
  const numbers = [
    await printAndShip(page, orders[0]!),
    await printAndShip(page, orders[1]!),
    await printAndShip(other, orders[2]!),
    await printAndShip(other, orders[3]!),
  ];
  await page.screenshot({ path: `${SCREENS}/scan-station-offline.png` });
  expect(new Set(numbers).size).toBe(4);

  await proxy.restore();
  for (const p of [page, other]) {
    await p.getByRole('button', { name: '立即同步' }).click();
    await expect(p.getByRole('status', { name: 'sync' })).toContainText('已全部同步');
  }
  await expect
    .poll(async () => {
      const held = await serviceOrders(service.url, 'warehouse1');
      return orders.map((o) => [held.get(o.orderNo)?.status, held.get(o.orderNo)?.waybills[0]?.trackingNo]);
    })
    .toEqual(orders.map((_, i) => ['PENDING_RECEIPT', numbers[i]]));
  for (const n of numbers) expect(n).toMatch(/^SF17000000\d{5}$/);
  await other.context().close();
});

test('the batch print queue labels the selected orders in pick order, each with its own number from the block', async ({
  page,
}) => {
  await signIn(page, deskA.url, 'warehouse1');
  await page.getByTestId('nav-orders').click();
  await page.locator('[data-status="PENDING_SHIPMENT"]').click();
  const rows = page.locator('.tbody .tr');
  await expect(rows.first()).toContainText('待发货');
  for (const index of [0, 1, 2]) await page.getByRole('checkbox', { name: `选择第 ${index + 1} 行` }).check();
  await expect(page.getByTestId('bulk-bar')).toContainText('已选 3');
  const picked = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-order-no')!))).slice(0, 3);
  await page.getByTestId('print-labels').click();
  const labels = page.getByTestId('waybill-label');
  await expect(labels).toHaveCount(3);
  await shots(page, 'label-batch');
  const held = await serviceOrders(service.url, 'warehouse1');
  const firstSku = (orderNo: string) =>
    held
      .get(orderNo)!
      .lines.filter((l) => l.shippedQuantity < l.quantity)
      .map((l) => l.sku)
      .sort()[0]!;
  const expected = [...picked].sort((a, b) =>
    firstSku(a) === firstSku(b) ? (a < b ? -1 : 1) : firstSku(a) < firstSku(b) ? -1 : 1,
  );
  const printed = await labels.evaluateAll((ls) => ls.map((l) => l.textContent ?? ''));
  expected.forEach((orderNo, i) => expect(printed[i]).toContain(orderNo));
  const numbers = await labels.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-tracking-no')));
  expect(new Set(numbers).size).toBe(3);
  for (const n of numbers) expect(n).toMatch(/^SF17000000\d{5}$/);
  await page.keyboard.press('Escape');
  await expect(labels).toHaveCount(0);
});

test('staff enter a sign-for by hand and a buyer’s return parcel; the return scan then finds the request', async ({
  page,
}) => {
  const held = [...(await serviceOrders(service.url, 'warehouse1')).values()].filter(
    (o) =>
      o.status === 'PENDING_RECEIPT' &&
      o.warehouseId === 'WH-SH' &&
      o.refundStatus === 'NONE' &&
      !o.locked &&
      o.waybills.length === 1 &&
      o.waybills[0]!.status === 'IN_TRANSIT',
  );
  const [signed, returning] = held;
  const request = await buyerAsks(service.url, returning!.orderNo, 'EXCHANGE', '颜色与图片不符');
  await signIn(page, deskA.url, 'warehouse1');
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('上次同步', { timeout: 30_000 });
  // A sign-in's sync pulls what other desks did meanwhile: seconds on a loaded machine.
  await expect(page.getByRole('status', { name: 'sync' })).not.toContainText('同步中', { timeout: 30_000 });

  // The courier phoned: the parcel was signed for at the gate.
  await openFromList(page, signed!.orderNo);
  const parcel = page.locator(`.waybill[data-tracking-no="${signed!.waybills[0]!.trackingNo}"]`);
  await parcel.getByTestId('enter-tracking').click();
  const entry = page.getByTestId('tracking-entry-dialog');
  await expect(entry).toBeVisible();
  await entry.getByLabel('说明').fill('快递员来电：门卫代收');
  await entry.getByLabel('地点').fill('上海市');
  await shots(page, 'tracking-entry-dialog');
  await page.keyboard.press('Enter');
  await expect(entry).toHaveCount(0);
  await expect(parcel).toContainText('已签收');
  await expect(parcel).toContainText('【上海市】已签收：快递员来电：门卫代收');
  await page.keyboard.press('Escape');

  // The buyer of an exchange says which parcel the goods come back in.
  await openFromList(page, returning!.orderNo);
  const card = page.locator(`.after-sale[data-after-sale-no="${request.afterSaleNo}"]`);
  await card.getByTestId('action-RETURN_PARCEL').click();
  const dialog = page.getByTestId('return-parcel-dialog');
  await expect(dialog).toBeVisible();
  const returnNo = `YT${String(Date.now()).slice(-13)}`;
  await dialog.getByLabel('运单号').fill(returnNo);
  await shots(page, 'return-parcel-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('return-parcel')).toContainText(returnNo);
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-returns').click();
  await expect(page.getByLabel('退货快递单号')).toBeFocused();
  await page.keyboard.type(returnNo, { delay: 3 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `订单详情 ${returning!.orderNo}` })).toBeVisible();
  await expect(card).toBeVisible();
  // The drawer lies over the header: close it to reach the sync button, as a person would.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: `订单详情 ${returning!.orderNo}` })).toBeHidden();

  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('已全部同步');
  await expect
    .poll(async () => {
      const now = await serviceOrders(service.url, 'warehouse1');
      return [
        now.get(signed!.orderNo)?.waybills[0]?.status,
        now.get(returning!.orderNo)?.afterSales.find((a) => a.id === request.id)?.returnShipment?.trackingNo,
      ];
    })
    .toEqual(['DELIVERED', returnNo]);
});

async function shots(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENS}/${name}-${size.width}x${size.height}.png` });
  }
}
