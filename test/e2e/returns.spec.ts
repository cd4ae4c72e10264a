import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrderService, type OrderService } from '../../src/server/index';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import type { OrderRecord } from '../../src/shared/contract/records';
import { openFromList, scan } from './support/detail';
import { buyerAsks, serviceOrder, serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';
import { pickOption } from './support/ant';

const SCREENS = 'test-results/screens';
let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1500 });
});
test.afterAll(async () => {
  await app.stop();
});

const requestStatus = async (orderNo: string, id: string) =>
  (await serviceOrder(app.serviceUrl, orderNo))?.afterSales.find((a) => a.id === id)?.status;

/** Physical orders of warehouse1's Shanghai warehouse in this status that nobody has asked anything about. */
async function untouched(status: OrderRecord['status']): Promise<OrderRecord[]> {
  return [...(await serviceOrders(app.serviceUrl, 'warehouse1')).values()].filter(
    (o) =>
      o.status === status && o.refundStatus === 'NONE' && !o.locked && o.exception === null && o.kind === 'PHYSICAL',
  );
}

test('a return from request to refund: service approves, the warehouse receives the goods (待退货入库 → 待退款), service refunds', async ({
  page,
}) => {
  // A return keeps the freight of the delivery that took place: only an order shipped free is then
  // refunded in full (全额退款), and the demo's first such order differs from day to day.
  const [order] = (await untouched('PENDING_RECEIPT')).filter((o) => o.amounts.freight === 0);
  const request = await buyerAsks(app.serviceUrl, order!.orderNo, 'RETURN_REFUND', '尺码偏小');
  const card = page.locator(`.after-sale[data-after-sale-no="${request.afterSaleNo}"]`);

  await signIn(page, app.url, 'service1');
  await openFromList(page, order!.orderNo);
  await expect(card.locator('.after-sale-status')).toHaveText('待审核');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/return-review.png` });
  await card.getByRole('button', { name: '审核通过' }).click();
  await expect(card.locator('.after-sale-status')).toHaveText('待退货入库');
  await expect.poll(() => requestStatus(order!.orderNo, request.id)).toBe('AWAITING_RETURN');

  await page.keyboard.press('Escape');
  await signIn(page, app.url, 'warehouse1');
  await openFromList(page, order!.orderNo);
  await expect(card.locator('.after-sale-status')).toHaveText('待退货入库');
  // Rejecting is customer service's call: the warehouse sees the button, and why it may not.
  await expect(card.getByRole('button', { name: '拒绝' })).toBeDisabled();
  await expect(card).toContainText('当前角色无此权限');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/return-awaiting.png` });
  await card.getByRole('button', { name: '确认退货入库' }).click();
  await expect(card.locator('.after-sale-status')).toHaveText('待退款');
  await expect(page.getByTestId('module-timeline')).toContainText('退回商品已入库');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/return-received.png` });
  await expect.poll(() => requestStatus(order!.orderNo, request.id)).toBe('PENDING_REFUND');

  await page.keyboard.press('Escape');
  await signIn(page, app.url, 'service1');
  await openFromList(page, order!.orderNo);
  await card.getByRole('button', { name: '确认退款' }).click();
  await expect(card.locator('.after-sale-status')).toHaveText('售后成功');
  await expect(page.getByTestId('module-timeline')).toContainText('原路退回');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/return-refunded.png` });
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order!.orderNo);
      return [held?.afterSales.find((a) => a.id === request.id)?.status, held?.refundStatus, held?.status];
    })
    .toEqual(['SUCCEEDED', 'REFUNDED', 'CLOSED']);
});

test('customer service rejects a refund request with a reason, and the held shipment may go again', async ({
  page,
}) => {
  const [order] = await untouched('PENDING_SHIPMENT');
  const request = await buyerAsks(app.serviceUrl, order!.orderNo, 'REFUND_ONLY', '拍错了');
  const card = page.locator(`.after-sale[data-after-sale-no="${request.afterSaleNo}"]`);
  await signIn(page, app.url, 'service1');
  await openFromList(page, order!.orderNo);
  await card.getByRole('button', { name: '拒绝' }).click();
  // A reason is required: an empty one is refused and nothing changes.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reject-dialog').getByRole('alert')).toBeVisible();
  await page.getByLabel('拒绝原因').fill('商品已打包，请收货后申请退货');
  await page.keyboard.press('Enter');
  await expect(card.locator('.after-sale-status')).toHaveText('已拒绝');
  await expect(card).toContainText('商品已打包，请收货后申请退货');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/return-rejected.png` });
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order!.orderNo);
      const req = held?.afterSales.find((a) => a.id === request.id);
      return [req?.status, req?.rejectReason, held?.refundStatus];
    })
    .toEqual(['REJECTED', '商品已打包，请收货后申请退货', 'NONE']);

  await page.keyboard.press('Escape');
  await signIn(page, app.url, 'warehouse1');
  await openFromList(page, order!.orderNo);
  await expect(page.getByRole('button', { name: /^发货/ })).toBeEnabled();
});

test('an exchange: the warehouse takes the goods back and sends the replacement with a scanned waybill', async ({
  page,
}) => {
  const [, order] = await untouched('PENDING_RECEIPT');
  const request = await buyerAsks(app.serviceUrl, order!.orderNo, 'EXCHANGE', '尺码不合适，换大一码');
  const card = page.locator(`.after-sale[data-after-sale-no="${request.afterSaleNo}"]`);
  await signIn(page, app.url, 'service1');
  await openFromList(page, order!.orderNo);
  await card.getByRole('button', { name: '审核通过' }).click();
  await expect(card.locator('.after-sale-status')).toHaveText('待换货入库');
  await expect.poll(() => requestStatus(order!.orderNo, request.id)).toBe('AWAITING_EXCHANGE_RETURN');

  await page.keyboard.press('Escape');
  await signIn(page, app.url, 'warehouse1');
  await openFromList(page, order!.orderNo);
  await card.getByRole('button', { name: '确认退货入库' }).click();
  await expect(card.locator('.after-sale-status')).toHaveText('换货出库中');
  await card.getByRole('button', { name: '发出换货' }).click();
  // A ZTO label scanned while the picker still says another carrier: the number picks its carrier.
  const zto = `75${String(Date.now()).slice(-12)}`;
  await pickOption(page, page.getByTestId('exchange-dialog').getByTestId('carrier-1'), '顺丰速运');
  await scan(page, '运单号', zto);
  await expect(card.locator('.after-sale-status')).toHaveText('售后成功');
  await expect(page.locator(`.waybill[data-tracking-no="${zto}"]`)).toContainText('中通快递');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/return-exchange.png` });
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order!.orderNo);
      const waybill = held?.waybills.find((w) => w.trackingNo === zto);
      return [held?.afterSales.find((a) => a.id === request.id)?.status, waybill?.carrier];
    })
    .toEqual(['SUCCEEDED', 'ZTO']);
});

test.describe('a refund while the service cannot be reached', () => {
  let service: OrderService;
  let serviceDir: string;
  let proxy: FaultProxy;
  let desk: WebMode;
  test.beforeAll(async () => {
    serviceDir = mkdtempSync(join(tmpdir(), 'order-desk-e2e-service-'));
    service = await startOrderService({ dataDir: serviceDir, port: 0, demo: true, demoOrders: 800 });
    proxy = await startFaultProxy(service.url);
    desk = await startWebMode({ service: proxy.url, demoOrders: 800 });
  });
  test.afterAll(async () => {
    await desk?.stop();
    await proxy?.close();
    await service?.close();
    rmSync(serviceDir, { recursive: true, force: true });
  });

  test('an approval made offline waits to sync, and the refund button says so until it has', async ({ page }) => {
    const [order] = [...(await serviceOrders(service.url)).values()].filter(
      (o) => o.status === 'PENDING_SHIPMENT' && o.refundStatus === 'NONE' && !o.locked,
    );
    const request = await buyerAsks(service.url, order!.orderNo, 'REFUND_ONLY', '地址填写错误');
    const card = page.locator(`.after-sale[data-after-sale-no="${request.afterSaleNo}"]`);
    await signIn(page, desk.url, 'service1');
    // The first sync has finished (nothing queued is not enough: it may still be pulling).
    await expect(page.getByRole('status', { name: 'sync' })).toContainText('上次同步', { timeout: 30_000 });
    // A sign-in's sync pulls what other desks did meanwhile: seconds on a loaded machine.
    await expect(page.getByRole('status', { name: 'sync' })).not.toContainText('同步中', { timeout: 30_000 });

    await proxy.refuse();
    await openFromList(page, order!.orderNo);
    await card.getByRole('button', { name: '审核通过' }).click();
    await expect(card.locator('.after-sale-status')).toHaveText('待退款');
    await expect(page.getByTestId('detail-pending')).toHaveText('有 1 条本机操作待同步');
    await expect(card.getByRole('button', { name: '确认退款' })).toBeDisabled();
    await expect(card).toContainText('等待同步完成后才能操作');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/return-waiting-sync.png` });

    await proxy.restore();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByRole('status', { name: 'sync' })).toContainText('已全部同步');
    await openFromList(page, order!.orderNo);
    await expect(page.getByTestId('detail-pending')).toHaveCount(0);
    await card.getByRole('button', { name: '确认退款' }).click();
    await expect(card.locator('.after-sale-status')).toHaveText('售后成功');
    await expect
      .poll(async () => {
        const held = (await serviceOrders(service.url)).get(order!.orderNo);
        return [held?.afterSales.find((a) => a.id === request.id)?.status, held?.status];
      })
      .toEqual(['SUCCEEDED', 'CLOSED']);
  });
});
