import { expect, test } from '@playwright/test';
import type { OrderRecord } from '../../src/shared/contract/records';
import { pickCascader } from './support/ant';
import { openFromList } from './support/detail';
import { serviceOrder, serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1200 });
});
test.afterAll(async () => {
  await app.stop();
});

/** Paid parcel orders nothing of which has left, that nobody has asked anything about. */
async function waitingToShip(): Promise<OrderRecord[]> {
  return [...(await serviceOrders(app.serviceUrl)).values()].filter(
    (o) =>
      o.kind === 'PHYSICAL' &&
      o.status === 'PENDING_SHIPMENT' &&
      o.refundStatus === 'NONE' &&
      !o.locked &&
      o.exception === null &&
      o.lines.every((l) => l.shippedQuantity === 0),
  );
}

test('customer service cancels a paid out-of-stock order with a refund of everything paid', async ({ page }) => {
  const [order] = await waitingToShip();
  await signIn(page, app.url, 'service1');
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('上次同步', { timeout: 30_000 });
  await openFromList(page, order!.orderNo);
  const panel = page.getByRole('dialog', { name: `订单详情 ${order!.orderNo}` });
  const actions = panel.getByTestId('cs-actions');
  await expect(actions).toContainText('客服操作');
  // Nothing has shipped yet: receipt cannot be confirmed, and the panel says why.
  await expect(actions.getByRole('button', { name: '代买家确认收货' })).toBeDisabled();
  await actions.getByRole('button', { name: '取消订单并退款' }).click();
  const dialog = page.getByTestId('cancel-paid-dialog');
  await expect(dialog).toContainText(`¥${(order!.amounts.paid / 100).toFixed(2)}`);
  await dialog.getByRole('textbox').fill('缺货，买家同意取消');
  await page.screenshot({ path: `${SCREENS}/cs-cancel-paid.png` });
  await dialog.getByRole('button', { name: '确认取消并退款' }).click();
  await expect(panel.getByTestId('detail-status')).toHaveText('交易关闭');
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order!.orderNo);
      return [held?.status, held?.refundStatus, held?.afterSales.at(-1)?.amount];
    })
    .toEqual(['CLOSED', 'REFUNDED', order!.amounts.paid]);
  await expect(panel.getByTestId('detail-notice')).toHaveText('已同步到订单服务');
  await expect(panel.getByTestId('module-timeline')).toContainText('取消订单并退款');
  await page.screenshot({ path: `${SCREENS}/cs-cancelled.png` });
});

test('customer service changes where an unshipped order goes; the old receiver stays in the timeline', async ({
  page,
}) => {
  const [, order] = await waitingToShip();
  await signIn(page, app.url, 'service1');
  await openFromList(page, order!.orderNo);
  const panel = page.getByRole('dialog', { name: `订单详情 ${order!.orderNo}` });
  await panel.getByTestId('cs-actions').getByRole('button', { name: '修改收货信息' }).click();
  const dialog = page.getByTestId('change-receiver-dialog');
  await pickCascader(page, dialog.getByTestId('receiver-region'), ['浙江省', '杭州市', '西湖区']);
  await dialog.getByLabel('详细地址').fill('文三路 90 号 5 楼');
  await dialog.getByLabel('修改原因（如：买家来电）').fill('买家来电改地址');
  await dialog.getByRole('button', { name: '保存新地址' }).click();
  await expect(panel.getByTestId('module-receiver')).toContainText('浙江省 杭州市 西湖区 文三路 90 号 5 楼');
  await expect(panel.getByTestId('module-timeline')).toContainText(`原 ${order!.receiver!.name}`);
  await expect
    .poll(async () => (await serviceOrder(app.serviceUrl, order!.orderNo))?.receiver)
    .toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号 5 楼' });
});
