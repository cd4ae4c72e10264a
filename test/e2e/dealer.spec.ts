import { expect, test, type Page } from '@playwright/test';
import { DEMO_PRODUCTS, dealerPriceList, demoStock } from '../../src/server/demo/company';
import { percentOfHalfUp } from '../../src/shared/domain/money';
import { startWebMode, type WebMode } from './support/web-mode';

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

/**
 * The worked example's shape on a real price-list item (the demo has no 45.00 item nor a 50%
 * campaign): 2 × price + freight 10.00, member 80%, and a member benefit that leaves 15.00.
 */
const orderAmount = item.price * 2 + 1000;
const benefit = orderAmount - percentOfHalfUp(orderAmount, 2000) - 1500;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 200 });
});
test.afterAll(async () => {
  await app.stop();
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

async function fillOrder(page: Page, quantity: number): Promise<void> {
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
  await page.getByTestId('receiver-province').selectOption('上海市');
  await page.getByTestId('receiver-city').selectOption('上海市');
  await page.getByTestId('receiver-district').selectOption('徐汇区');
  await page.getByTestId('receiver-address').fill('漕溪北路88号圣爱大厦12楼');
  await page.getByTestId('dealer-search').fill(item.sku);
  await page.getByTestId(`dealer-add-${item.sku}`).click();
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
  await page.getByTestId('dealer-submit').click();
  await expect(page.getByTestId('dealer-outcome')).toContainText('已被订单服务接受');
  await expect(page.getByTestId('dealer-outcome')).toContainText(/D\d{16}/);
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
