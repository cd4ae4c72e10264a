import { expect, test, type Page } from '@playwright/test';
import type { OrderRecord } from '../../src/shared/contract/records';
import { demoBuyer } from '../../src/shared/demo/people';
import { DEMO_PRODUCTS, DEMO_SEED, demoStock } from '../../src/server/demo/company';
import { formatFen } from '../../src/shared/domain/money';
import { NO_REVIEW } from '../../src/shared/domain/review';
import { openFromList, scan, sfNumber } from './support/detail';
import { buyerAsks, buyerPays, serviceCall, serviceOrder, serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 800 });
});
test.afterAll(async () => {
  await app.stop();
});

/** A shopper who lives where the Shanghai warehouse ships, so warehouse1 fulfils their orders. */
const SHANGHAI_BUYER = (() => {
  for (let i = 9_000; i < 10_000; i++) if (demoBuyer(DEMO_SEED, i).home.warehouse === 'WH-SH') return i;
  throw new Error('no demo buyer near WH-SH');
})();
/** The company's own well-stocked goods (every warehouse has them, none runs low). */
const LOW = new Set(
  demoStock()
    .filter((s) => s.onHand < 50)
    .map((s) => s.sku),
);
const GOODS = DEMO_PRODUCTS.filter(
  (p) => p.kind === 'PHYSICAL' && p.onSale && p.merchantId === 'MCH-0001' && !LOW.has(p.sku),
);
const yuan = (fen: number) => formatFen(fen, { symbol: true });

const paidInShanghai = async (nth: number): Promise<OrderRecord> =>
  (await buyerPays(app.serviceUrl, { lines: [{ sku: GOODS[nth]!.sku, quantity: 1 }], buyerIndex: SHANGHAI_BUYER }))[0]!;

/** Asks the desk for a sync round now (it would come by itself within 15 s). */
async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: /立即同步|Sync now/ }).click();
}

/** Searches the list until the order is there (the desk pulls the service's change meanwhile). */
async function findInList(page: Page, orderNo: string): Promise<void> {
  await expect(async () => {
    await syncNow(page);
    await page.getByRole('searchbox').fill(orderNo);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.locator(`.tbody .tr[data-order-no="${orderNo}"]`)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test('a supervisor batch-approves orders held for review; only then does the warehouse see them to ship', async ({
  browser,
}) => {
  await serviceCall(app.serviceUrl, 'admin', 'POST', '/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1 });
  const held = [await paidInShanghai(1), await paidInShanghai(2)];
  await serviceCall(app.serviceUrl, 'admin', 'POST', '/v1/review/rules', NO_REVIEW);
  for (const order of held) expect(order.review?.status).toBe('PENDING');

  // An admin sees a held order, and shipping it is refused with the reason.
  const admin = await browser.newPage();
  await signIn(admin, app.url, 'admin');
  await openFromList(admin, held[0]!.orderNo);
  const panel = admin.getByRole('dialog', { name: `订单详情 ${held[0]!.orderNo}` });
  await expect(panel.getByRole('button', { name: /^发货/ })).toBeDisabled();
  await expect(panel.getByTestId('detail-actions')).toContainText('待审核：审核通过后才能发货');
  await admin.close();

  // The warehouse does not see them at all.
  const warehouse = await browser.newPage();
  await signIn(warehouse, app.url, 'warehouse1');
  await warehouse.getByRole('searchbox').fill(held[0]!.orderNo);
  await warehouse.getByRole('button', { name: '搜索' }).click();
  await expect(warehouse.locator('.tbody .tr')).toHaveCount(0);

  const supervisor = await browser.newPage();
  await signIn(supervisor, app.url, 'service1');
  await supervisor.getByTestId('nav-review').click();
  const table = supervisor.getByTestId('review-table');
  for (const order of held) {
    const row = table.locator(`tr[data-order-no="${order.orderNo}"]`);
    await expect(row).toContainText('金额达到审核线');
    await row.getByRole('checkbox').check();
  }
  await expect(supervisor.getByTestId('review-bar')).toContainText('已选 2 单');
  await supervisor.screenshot({ path: `${SCREENS}/review-queue.png` });
  await supervisor.getByTestId('review-approve').click();
  for (const order of held) await expect(table.locator(`tr[data-order-no="${order.orderNo}"]`)).toHaveCount(0);
  await expect
    .poll(async () =>
      Promise.all(held.map(async (o) => (await serviceOrder(app.serviceUrl, o.orderNo))?.review?.status)),
    )
    .toEqual(['APPROVED', 'APPROVED']);

  // Approved, they arrive in the warehouse's 待发货 with its next sync (one desk: the warehouse signs in again).
  await signIn(warehouse, app.url, 'warehouse1');
  await warehouse.locator('[data-status="PENDING_SHIPMENT"]').click();
  for (const order of held) await findInList(warehouse, order.orderNo);
  await warehouse.screenshot({ path: `${SCREENS}/review-approved-warehouse.png` });
});

test('an exception order with an unmapped platform item is resolved by mapping its SKU, and then ships', async ({
  browser,
}) => {
  const buyer = demoBuyer(DEMO_SEED, SHANGHAI_BUYER);
  const externalOrderNo = `E2E${Date.now()}`;
  const goods = GOODS[3]!;
  const intake = await serviceCall<{ results: Array<{ outcome: string; orderNos: string[] }> }>(
    app.serviceUrl,
    'erp1',
    'POST',
    '/v1/intake/orders',
    {
      orders: [
        {
          shopId: 'SHOP-TMALL',
          externalOrderNo,
          status: 'PAID',
          platformStatus: 'WAIT_SELLER_SEND_GOODS',
          createdAt: Date.now(),
          buyer: { id: buyer.id, account: buyer.account, level: buyer.level.name, name: buyer.name },
          receiver: {
            name: buyer.name,
            phone: buyer.phone,
            province: buyer.home.province,
            city: buyer.home.city,
            district: buyer.home.district,
            address: buyer.home.address,
            postcode: '',
          },
          lines: [
            {
              platformLineId: `${externalOrderNo}1`,
              platformItemId: '6800123400991',
              platformSkuId: '5000000991',
              name: `${goods.name}（天猫新链接）`,
              spec: goods.spec,
              unitPrice: goods.listPrice,
              quantity: 1,
            },
          ],
          amounts: { goods: goods.listPrice, freight: 0, discounts: [], paid: goods.listPrice },
          payment: { channel: 'ALIPAY', serialNo: `2025${Date.now()}`, paidAt: Date.now() },
          buyerRemark: '',
          invoice: null,
          refund: null,
        },
      ],
    },
  );
  expect(intake.results[0]).toMatchObject({ outcome: 'exception' });
  const orderNo = intake.results[0]!.orderNos[0]!;

  const supervisor = await browser.newPage();
  await signIn(supervisor, app.url, 'service1');
  await supervisor.getByTestId('nav-exception-orders').click();
  const row = supervisor.getByTestId('exception-orders-table').locator(`tr[data-order-no="${orderNo}"]`);
  await expect(row).toContainText('SKU 未映射');
  await expect(row).toContainText('接单拦截');
  await supervisor.screenshot({ path: `${SCREENS}/exception-orders.png` });
  await row.getByTestId('exception-map-sku').click();
  const dialog = supervisor.getByTestId('exception-map-dialog');
  await dialog.getByTestId('map-sku-1').fill(goods.sku);
  await supervisor.screenshot({ path: `${SCREENS}/exception-map-sku.png` });
  await dialog.getByRole('button', { name: '保存映射并重新校验' }).click();
  await expect(supervisor.getByText('已放行 1 单，订单进入待发货')).toBeVisible();
  await expect(row).toHaveCount(0);
  const released = await serviceOrder(app.serviceUrl, orderNo);
  expect(released).toMatchObject({ exception: null, warehouseId: 'WH-SH', status: 'PENDING_SHIPMENT' });

  const warehouse = await browser.newPage();
  await signIn(warehouse, app.url, 'warehouse1');
  await findInList(warehouse, orderNo);
  await openFromList(warehouse, orderNo);
  const panel = warehouse.getByRole('dialog', { name: `订单详情 ${orderNo}` });
  await warehouse.keyboard.press('s');
  await expect(warehouse.getByTestId('ship-dialog')).toBeVisible();
  await scan(warehouse, '包裹 1 运单号', sfNumber());
  await expect(panel.getByTestId('detail-status')).toHaveText('待收货');
  await expect.poll(async () => (await serviceOrder(app.serviceUrl, orderNo))?.status).toBe('PENDING_RECEIPT');
});

/** The flag a row carries while this desk holds changes to it the service has not confirmed. */
const WAITING_SYNC = '[data-kind="flag"][data-value="pendingSync"]';

/** Opens the workbench on a tab and finds the request's row. */
async function requestRow(page: Page, tab: string, afterSaleNo: string) {
  await page.getByTestId(`workbench-tab-${tab}`).click();
  const row = page.getByTestId('workbench-table').locator(`tr[data-after-sale-no="${afterSaleNo}"]`);
  await expect(row).toBeVisible();
  return row;
}

test('each kind of after-sale goes end to end in the workbench, and the refund adds up', async ({ browser }) => {
  // Three people's desks, three requests through every step: longer than one desk's story.
  test.setTimeout(240_000);
  const orders = [...(await serviceOrders(app.serviceUrl, 'warehouse1')).values()];
  const untouched = (status: OrderRecord['status']) =>
    orders.filter(
      (o) =>
        o.status === status &&
        o.kind === 'PHYSICAL' &&
        o.refundStatus === 'NONE' &&
        !o.locked &&
        o.exception === null &&
        o.afterSales.length === 0,
    );
  const unshipped =
    untouched('PENDING_SHIPMENT').find((o) => o.amounts.freight > 0) ?? untouched('PENDING_SHIPMENT')[0]!;
  const [toReturn, toExchange] = untouched('PENDING_RECEIPT');
  const refundOnly = await buyerAsks(app.serviceUrl, unshipped.orderNo, 'REFUND_ONLY', '不想要了');
  const returned = await buyerAsks(app.serviceUrl, toReturn!.orderNo, 'RETURN_REFUND', '尺码不合适');
  const exchange = await buyerAsks(app.serviceUrl, toExchange!.orderNo, 'EXCHANGE', '颜色不喜欢，换其他颜色');

  const cs = await browser.newPage();
  await signIn(cs, app.url, 'service1');
  await syncNow(cs);
  await cs.getByTestId('nav-workbench').click();
  // Three requests approved at once from 待审核.
  for (const request of [refundOnly, returned, exchange]) {
    const row = await requestRow(cs, 'PENDING_REVIEW', request.afterSaleNo);
    await row.getByRole('checkbox').check();
  }
  await cs.screenshot({ path: `${SCREENS}/workbench-review.png` });
  await cs.getByTestId('workbench-batch-approve').click();
  await expect(cs.getByText('已通过 3 条')).toBeVisible();

  // 仅退款 of a whole unshipped order: the goods and the freight come back, every fen paid.
  const refundRow = await requestRow(cs, 'PENDING_REFUND', refundOnly.afterSaleNo);
  // Money goes out only once the approval has synced (the row carries the 待同步 flag until then).
  await syncNow(cs);
  await expect(refundRow.locator(WAITING_SYNC)).toHaveCount(0, { timeout: 30_000 });
  await refundRow.getByTestId('step-refund').click();
  const refund = cs.getByTestId('refund-dialog');
  await expect(refund.getByTestId('refund-total')).toHaveText(yuan(unshipped.amounts.paid));
  await expect(refund.getByTestId('refund-freight')).toHaveText(yuan(unshipped.amounts.freight));
  await expect(refund.getByTestId('refund-goods')).toHaveText(yuan(unshipped.amounts.paid - unshipped.amounts.freight));
  await expect(refund.getByTestId('refund-outcome')).toHaveText('退款后全额退款');
  await cs.screenshot({ path: `${SCREENS}/workbench-refund.png` });
  await refund.getByRole('button', { name: /^确认退款/ }).click();
  await requestRow(cs, 'SUCCEEDED', refundOnly.afterSaleNo);
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, unshipped.orderNo);
      return [held?.status, held?.refundStatus, held?.afterSales.at(-1)?.amount];
    })
    .toEqual(['CLOSED', 'REFUNDED', unshipped.amounts.paid]);

  // The warehouse receives the goods sent back, and ships the replacement.
  const lastStep = async (orderNo: string) => (await serviceOrder(app.serviceUrl, orderNo))?.afterSales.at(-1)?.status;
  await expect.poll(() => lastStep(toReturn!.orderNo)).toBe('AWAITING_RETURN');
  await expect.poll(() => lastStep(toExchange!.orderNo)).toBe('AWAITING_EXCHANGE_RETURN');
  // One desk, people taking turns at it (a sign-in ends the one before): the warehouse's turn.
  const warehouse = await browser.newPage();
  await signIn(warehouse, app.url, 'warehouse1');
  await warehouse.getByTestId('nav-workbench').click();
  await (await requestRow(warehouse, 'AWAITING_RETURN', returned.afterSaleNo)).getByTestId('step-receive').click();
  await (await requestRow(warehouse, 'AWAITING_RETURN', exchange.afterSaleNo)).getByTestId('step-receive').click();
  const outbound = await requestRow(warehouse, 'EXCHANGE_OUTBOUND', exchange.afterSaleNo);
  await outbound.getByTestId('step-ship').click();
  const ship = warehouse.getByTestId('ship-exchange-dialog');
  await ship.getByLabel('运单号').fill(sfNumber());
  await ship.getByRole('button', { name: '确认发出' }).click();
  await requestRow(warehouse, 'SUCCEEDED', exchange.afterSaleNo);
  await syncNow(warehouse);
  await expect.poll(() => lastStep(toReturn!.orderNo)).toBe('PENDING_REFUND');
  await warehouse.close();

  // 退货退款: the goods' share comes back; the freight of a delivery that took place does not.
  // Customer service's turn again, on a page of its own (one that remembers no screen of the warehouse's).
  await cs.close();
  const service = await browser.newPage();
  await signIn(service, app.url, 'service1');
  await service.getByTestId('nav-workbench').click();
  const refundAgain = service.getByTestId('refund-dialog');
  await expect(async () => {
    await syncNow(service);
    await service.getByTestId('workbench-tab-PENDING_REFUND').click();
    const row = service.getByTestId('workbench-table').locator(`tr[data-after-sale-no="${returned.afterSaleNo}"]`);
    await expect(row).toBeVisible({ timeout: 2_000 });
    await expect(row.locator(WAITING_SYNC)).toHaveCount(0);
  }).toPass({ timeout: 30_000 });
  const returnRow = await requestRow(service, 'PENDING_REFUND', returned.afterSaleNo);
  await returnRow.getByTestId('step-refund').click();
  await expect(refundAgain.getByTestId('refund-freight')).toHaveText('¥0.00');
  await expect(refundAgain.getByTestId('refund-total')).toHaveText(yuan(returned.amount));
  await refundAgain.getByRole('button', { name: /^确认退款/ }).click();
  await requestRow(service, 'SUCCEEDED', returned.afterSaleNo);
  await expect.poll(() => lastStep(toReturn!.orderNo)).toBe('SUCCEEDED');
  await expect.poll(() => lastStep(toExchange!.orderNo)).toBe('SUCCEEDED');
});

test('the reports screen shows the demo company’s charts and exports them to Excel', async ({ page }) => {
  await signIn(page, app.url, 'service1');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('reports-totals')).toBeVisible();
  for (const chart of ['chart-trend', 'chart-platforms', 'chart-warehouses', 'chart-shippers', 'chart-stores'])
    await expect(page.getByTestId(chart).getByRole('application')).toBeVisible();
  await expect(page.getByTestId('chart-trend').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/reports.png`, fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('reports-export').click();
  expect((await download).suggestedFilename()).toMatch(/^经营报表-\d{8}-\d{8}\.xlsx$/);
});
