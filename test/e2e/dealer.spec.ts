import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PRODUCTS, dealerPriceList, demoStock } from '../../src/server/demo/company';
import { startOrderService, type OrderService } from '../../src/server/index';
import { percentOfHalfUp } from '../../src/shared/domain/money';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { serviceOrders } from './support/service-api';
import { startWebMode, type WebMode } from './support/web-mode';
import { pickCascader, pickOption } from './support/ant';

const SCREENS = 'test-results/screens';

let service: OrderService;
let serviceDir: string;
/** Between the desk and the service, so the desk can be taken offline and back. */
let proxy: FaultProxy;
let app: WebMode;

/** An item dealer1 may order, in no campaign, with plenty of stock in every warehouse. */
const item = (() => {
  const prices = new Map(dealerPriceList('DL-01').map((p) => [p.sku, p.price]));
  const stock = demoStock();
  const product = DEMO_PRODUCTS.find(
    (p) =>
      p.onSale &&
      p.campaignId === null &&
      (prices.get(p.sku) ?? 0) > 3000 &&
      stock.filter((s) => s.sku === p.sku).every((s) => s.onHand >= 50),
  );
  if (!product) throw new Error('no orderable demo item');
  return { sku: product.sku, price: prices.get(product.sku)! };
})();

/** An ordinary price-list item, no campaign: 2 × price + freight 10.00, member 80%, a benefit leaving 15.00. */
const orderAmount = item.price * 2 + 1000;
const benefit = orderAmount - percentOfHalfUp(orderAmount, 2000) - 1500;

test.beforeAll(async () => {
  serviceDir = mkdtempSync(join(tmpdir(), 'order-desk-e2e-service-'));
  service = await startOrderService({ dataDir: serviceDir, port: 0, demo: true, demoOrders: 200 });
  proxy = await startFaultProxy(service.url);
  app = await startWebMode({ service: proxy.url, demoOrders: 200 });
});
test.afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await service?.close();
  rmSync(serviceDir, { recursive: true, force: true });
});

async function signInDealer(page: Page): Promise<void> {
  await page.goto(app.url);
  const signOut = page.getByRole('button', { name: '退出登录' });
  await page.getByLabel('用户名').or(signOut).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await page.getByLabel('用户名').fill('dealer1');
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('dealer-screen').waitFor();
}

async function fillOrder(page: Page, quantity: number, search = item.sku, sku = item.sku): Promise<void> {
  await page.getByTestId('buyer-id').fill('C-20931');
  await page.getByTestId('buyer-account').fill('13916880021');
  await page.getByTestId('buyer-name').fill('上海云启信息科技有限公司');
  await page.getByTestId('receiver-name').fill('周敏');
  await page.getByTestId('receiver-phone').fill('1391688');
  await expect(page.getByTestId('error-receiver.phone')).toHaveCount(0);
  await page.getByTestId('receiver-phone').fill('12916880021');
  await expect(page.getByTestId('error-receiver.phone')).toBeVisible();
  await page.getByTestId('receiver-phone').fill('13916880021');
  await expect(page.getByTestId('error-receiver.phone')).toHaveCount(0);
  await pickCascader(page, page.getByTestId('receiver-region'), ['上海市', '上海市', '徐汇区']);
  await page.getByTestId('receiver-address').fill('漕溪北路88号圣爱大厦12楼');
  await page.getByTestId('dealer-search').fill(search);
  await page.getByTestId(`dealer-add-${sku}`).click();
  await page.getByTestId('line-qty-0').fill(String(quantity));
}

test('dealer1 enters an order, sees the amounts worked out live, submits it and it is accepted', async ({ page }) => {
  await signInDealer(page);
  await fillOrder(page, 2);
  await expect(page.getByTestId('breakdown-goods')).toContainText(`¥${((item.price * 2) / 100).toFixed(2)}`);
  await page.getByTestId('freight').fill('10.00');
  await expect(page.getByTestId('breakdown-order-amount')).toContainText(`¥${(orderAmount / 100).toFixed(2)}`);
  await page.getByTestId('member-rate').fill('80');
  await page.getByTestId('member-benefit').fill((benefit / 100).toFixed(2));
  await expect(page.getByTestId('breakdown-member')).toContainText(
    `¥${(percentOfHalfUp(orderAmount, 2000) / 100).toFixed(2)}`,
  );
  await expect(page.getByTestId('breakdown-payable')).toContainText('¥15.00');
  await page.screenshot({ path: 'test-results/screens/dealer-entry.png', fullPage: true });
  // A double click, as an impatient dealer gives it: one order, and the form is cleared for the next.
  await page.getByTestId('dealer-submit').dblclick();
  await expect(page.getByTestId('dealer-outcome')).toContainText('已被订单服务接受');
  const orderNo = /D\d{16}/.exec(await page.getByTestId('dealer-outcome').innerText())?.[0];
  expect(orderNo).toBeDefined();
  await expect(page.getByTestId('breakdown-payable')).toContainText('¥0.00');
  await expect(page.getByTestId('receiver-name')).toHaveValue('');
  await page.getByTestId('dealer-submit').click();
  await expect(page.getByTestId('dealer-outcome')).not.toContainText('已被订单服务接受');
  const mine = [...(await serviceOrders(service.url)).values()].filter(
    (o) => o.dealerId === 'DL-01' && o.receiver?.address === '漕溪北路88号圣爱大厦12楼' && o.amounts.payable === 1500,
  );
  expect(new Set(mine.map((o) => o.parentNo))).toEqual(new Set([orderNo]));
});

test('a stock rejection shows the reason at the quantity; fixed and resubmitted, it is accepted', async ({ page }) => {
  await signInDealer(page);
  await page.getByTestId('dealer-new').click();
  await fillOrder(page, 99_999);
  await page.getByTestId('dealer-submit').click();
  await expect(page.getByTestId('dealer-outcome')).toContainText('被退回');
  await expect(page.getByTestId('error-lines.0.quantity')).toHaveText('库存不足');
  await expect(page.getByTestId('dealer-fixing')).toBeVisible();
  const rejectedNo = /D\d{16}/.exec(await page.getByTestId('dealer-outcome').innerText())?.[0];
  await page.screenshot({ path: 'test-results/screens/dealer-rejected.png', fullPage: true });
  await page.getByTestId('line-qty-0').fill('3');
  await page.getByTestId('dealer-submit').click();
  await expect(page.getByTestId('dealer-outcome')).toContainText('已被订单服务接受');
  await expect(page.getByTestId('dealer-outcome')).toContainText(rejectedNo!);
  await expect(page.getByTestId('dealer-fixing')).toHaveCount(0);
});

test('dealer1 enters domain.md’s worked example, submits it offline and sees it accepted once back online', async ({
  page,
}) => {
  await signInDealer(page);
  await page.getByTestId('dealer-new').click();
  // The launch item, found by name in the synced catalogue: 45.00 to dealers, in the half-price campaign.
  await fillOrder(page, 2, '黑芝麻核桃粉', 'SP09901');
  await expect(page.getByTestId('dealer-results')).toContainText('¥45.00');
  await expect(page.getByTestId('dealer-results')).toContainText('新品尝鲜 5折');
  await expect(page.getByTestId('breakdown-goods')).toContainText('¥90.00');
  await page.getByTestId('freight').fill('10.00');
  await expect(page.getByTestId('breakdown-order-amount')).toContainText('¥100.00');
  await pickOption(page, page.getByTestId('campaign'), '新品尝鲜 5折');
  await expect(page.getByTestId('breakdown-campaign')).toContainText('−¥50.00');
  await page.getByTestId('member-rate').fill('80');
  await expect(page.getByTestId('breakdown-member')).toContainText('−¥20.00');
  await page.getByTestId('member-benefit').fill('15.00');
  await expect(page.getByTestId('breakdown-benefit')).toContainText('−¥15.00');
  await expect(page.getByTestId('breakdown-coupon')).toContainText('¥0.00');
  await expect(page.getByTestId('breakdown-points')).toContainText('¥0.00');
  await expect(page.getByTestId('breakdown-payable')).toContainText('¥15.00');
  await page.screenshot({ path: `${SCREENS}/dealer-worked-example.png`, fullPage: true });

  await proxy.refuse();
  await page.getByTestId('dealer-submit').click();
  const outcome = page.getByTestId('dealer-outcome');
  await expect(outcome).toContainText('已保存在本机，等待同步');
  const orderNo = /D\d{16}/.exec(await outcome.innerText())?.[0];
  expect(orderNo).toBeDefined();
  await expect(page.getByRole('status', { name: 'sync' })).toContainText('离线');
  await page.screenshot({ path: `${SCREENS}/dealer-worked-example-offline.png`, fullPage: true });

  await proxy.restore();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(outcome).toContainText(`订单 ${orderNo} 已被订单服务接受`);
  await page.screenshot({ path: `${SCREENS}/dealer-worked-example-accepted.png`, fullPage: true });

  const held = [...(await serviceOrders(service.url)).values()].filter((o) => o.parentNo === orderNo);
  expect(held).toHaveLength(1);
  expect(held[0]).toMatchObject({ source: 'DEALER', status: 'PENDING_SHIPMENT', amounts: { payable: 1500 } });
});
