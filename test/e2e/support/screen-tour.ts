import type { Locator, Page } from '@playwright/test';
import { issuedCode } from '../../support/issued-codes';
import { DEMO_PRODUCTS } from '../../../src/server/demo/company';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { heldAtIntake } from '../../../src/shared/intents/exception';
import { shippableRows } from './detail';
import { buyerAsks, buyerPays, liveCodes, serviceCall, serviceOrders } from './service-api';

/**
 * Every screen of the desk, for the screen tour (test/e2e/screen-tour.spec.ts): who opens it, how
 * a person gets there from that user's landing screen, and what shows it is ready. ONE row per
 * screen (a drawer or a modal is a screen too): add yours when you add a screen to the navigation
 * (src/renderer/app/screens.tsx). Steps find things by test id or data attribute, never by text,
 * because the tour walks every screen in both languages.
 */
export interface TourScreen {
  /** Names its screenshots: test-results/screens/<id>-<locale>-<width>x<height>.png */
  id: string;
  /** A demo user (password demo1234), or null for the sign-in screen. */
  user: 'admin' | 'warehouse1' | 'clerk1' | 'dealer1' | 'service1' | null;
  /** From the user's landing screen (after a reload), the clicks and keys that open the screen. */
  reach(page: Page, tour: TourContext): Promise<void>;
  /** Visible once the screen shows its content (not a spinner). */
  ready(page: Page): Locator;
}

export interface TourContext {
  /** The embedded order service, for what a screen needs to exist (a live code, an after-sale). */
  serviceUrl: string;
  /** Its database, where the codes buyers hold are kept (a desk only ever sees their verifiers). */
  serviceDb: string;
}

const nav = (id: string) => (page: Page) => page.getByTestId(`nav-${id}`).click();
const firstRow = (page: Page) => page.locator('.tbody .tr[data-order-no]').first();
/**
 * Waits for the list, then opens the first order of a status tab that can be acted on. A tab with
 * no such order (the day's demo data) fails here within the wait, not at the tour's own timeout.
 */
async function openFirst(page: Page, status: string): Promise<void> {
  await page.locator(`[data-status="${status}"]`).click();
  // The first row a person may act on: not locked, no open exception, no after-sale holding it.
  const first = shippableRows(page).first();
  await first.waitFor({ timeout: 30_000 });
  await first.click();
  await page.getByTestId('detail-actions').waitFor({ timeout: 30_000 });
}

/**
 * An exception a supervisor decides (解决), not one held at intake (released instead). The demo
 * company opens one for about 2 % of the orders waiting to ship, so at some hours there is none;
 * then one is made the way it happens: a paid order held for 审单 (every amount held for a moment)
 * and rejected to the exception queue in the desk's review screen.
 */
async function exceptionToDecide(page: Page, serviceUrl: string): Promise<void> {
  const orders = [...(await serviceOrders(serviceUrl, 'service1')).values()];
  if (orders.some((o) => o.exception !== null && !heldAtIntake(o))) return;
  const goods = DEMO_PRODUCTS.find((p) => p.kind === 'PHYSICAL' && p.onSale && p.merchantId === 'MCH-0001');
  if (!goods) throw new Error('the demo company sells no goods of its own');
  await serviceCall(serviceUrl, 'admin', 'POST', '/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1 });
  const [held] = await buyerPays(serviceUrl, { lines: [{ sku: goods.sku, quantity: 1 }], buyerIndex: 43 });
  await serviceCall(serviceUrl, 'admin', 'POST', '/v1/review/rules', NO_REVIEW);
  await page.getByRole('button', { name: /立即同步|Sync now/ }).click();
  await nav('review')(page);
  const row = page.getByTestId('review-table').locator(`tr[data-order-no="${held!.orderNo}"]`);
  await row.getByRole('checkbox').check({ timeout: 30_000 });
  await page.getByTestId('review-reject').click();
  const dialog = page.getByTestId('review-reject-dialog');
  await dialog.locator('#review-reject-reason').fill('收货地址疑似无法送达，转人工核实');
  await dialog.getByTestId('reject-then-exception').check();
  await dialog.getByRole('button').last().click();
  await row.waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * An order of the Shanghai warehouse with a refund request waiting for review: the same one on
 * every call (the tour reaches each screen once per language), asked for on the first.
 */
async function orderAwaitingReview(serviceUrl: string): Promise<string> {
  const orders = [...(await serviceOrders(serviceUrl, 'warehouse1')).values()];
  const asked = orders.find((o) => o.afterSales.some((a) => a.status === 'PENDING_REVIEW' && a.reason === '拍错了'));
  if (asked) return asked.orderNo;
  const order = orders.find((o) => o.status === 'PENDING_SHIPMENT' && o.refundStatus === 'NONE' && !o.locked);
  if (!order) throw new Error('the demo company has no order to ask a refund for');
  await buyerAsks(serviceUrl, order.orderNo, 'REFUND_ONLY', '拍错了');
  return order.orderNo;
}

/**
 * A paid parcel order of the Shanghai warehouse nobody has touched (no request, lock or exception),
 * the same one on every call: what customer service may still change or ask a refund for.
 */
async function untouchedToShip(serviceUrl: string): Promise<string> {
  const order = [...(await serviceOrders(serviceUrl, 'warehouse1')).values()]
    .filter(
      (o) =>
        o.status === 'PENDING_SHIPMENT' &&
        o.refundStatus === 'NONE' &&
        o.afterSales.length === 0 &&
        !o.locked &&
        o.exception === null &&
        o.lines.every((l) => l.shippedQuantity === 0),
    )
    .sort((a, b) => a.orderNo.localeCompare(b.orderNo))
    .at(-1);
  if (!order) throw new Error('the demo company has no untouched order to ship');
  return order.orderNo;
}

/**
 * A live single-use code at a store: one of the demo's, or (the demo's codes are valid around the
 * time it was made, so at some hours a store has none) one a shopper buys now.
 */
async function liveCodeAt(serviceUrl: string, storeId: string): Promise<string> {
  const [live] = await liveCodes(serviceUrl, [storeId]);
  if (live) return live.orderNo;
  const service = DEMO_PRODUCTS.find((p) => p.kind === 'SERVICE' && p.onSale && p.uses === 1);
  if (!service) throw new Error('the demo company sells no single-use service');
  const [paid] = await buyerPays(serviceUrl, { lines: [{ sku: service.sku, quantity: 1 }], buyerIndex: 42, storeId });
  return paid!.orderNo;
}

/**
 * Waits until this desk holds the order with its code's verifier, as a clerk's desk does once it has
 * synced: a code bought a moment ago is hashed by the service after payment, then pulled.
 */
async function deskHolds(page: Page, serviceUrl: string, orderNo: string): Promise<void> {
  const sync = page.getByRole('status', { name: 'sync' });
  for (let attempt = 0; attempt < 20; attempt++) {
    const held = (await serviceOrders(serviceUrl)).get(orderNo);
    if (held?.redemptionCode?.verifier) break;
    await page.waitForTimeout(250);
  }
  // The tour runs in both languages: the bar is found by its state, not its words.
  await page.locator('.sync-bar[data-state="online"]').waitFor({ timeout: 30_000 });
  await sync.getByRole('button').click();
  // A short sync may come and go between two looks: its start is awaited briefly, its end for real.
  await page
    .locator('.sync-bar[data-state="syncing"]')
    .waitFor({ timeout: 2_000 })
    .catch(() => undefined);
  await page.locator('.sync-bar[data-state="online"]').waitFor({ timeout: 30_000 });
}

/** Finds an order by its number in the list's search and opens its detail. */
async function openOrder(page: Page, orderNo: string): Promise<void> {
  await page.getByRole('searchbox').fill(orderNo);
  await page.getByRole('searchbox').press('Enter');
  const row = page.locator(`.tbody .tr[data-order-no="${orderNo}"]`);
  // The desk learns of a request on its next sync: until then the order opens without it.
  await row.click();
  await page.getByTestId('detail-actions').waitFor();
}

/** The scanning station with an order of the Shanghai warehouse opened, as a scanner opens it. */
async function openAtStation(page: Page, { serviceUrl }: TourContext): Promise<void> {
  await nav('floor')(page);
  const waiting = [...(await serviceOrders(serviceUrl, 'warehouse1')).values()].find(
    (o) => o.status === 'PENDING_SHIPMENT' && o.warehouseId === 'WH-SH' && !o.locked && o.refundStatus === 'NONE',
  );
  if (!waiting) throw new Error('no order waits in the Shanghai warehouse');
  await page.getByTestId('scan-station').waitFor();
  await page.keyboard.type(waiting.orderNo, { delay: 3 });
  await page.keyboard.press('Enter');
}

export const TOUR: TourScreen[] = [
  {
    id: 'sign-in',
    user: null,
    reach: async () => undefined,
    ready: (page) => page.locator('form.sign-in-card'),
  },
  {
    id: 'orders',
    user: 'warehouse1',
    reach: (page) => firstRow(page).waitFor(),
    // The rows paint before Ant Design has loaded; the toolbar and the tabs follow them.
    ready: (page) => page.getByTestId('filters-toggle'),
  },
  {
    id: 'orders-filters',
    user: 'warehouse1',
    reach: (page) => page.getByTestId('filters-toggle').click(),
    ready: (page) => page.locator('.filters-panel'),
  },
  {
    id: 'orders-columns',
    user: 'warehouse1',
    reach: (page) => page.getByTestId('columns').click(),
    ready: (page) => page.locator('.column-choice').first(),
  },
  {
    id: 'order-detail',
    user: 'warehouse1',
    reach: (page) => openFirst(page, 'PENDING_SHIPMENT'),
    ready: (page) => page.getByTestId('module-timeline'),
  },
  {
    id: 'ship-dialog',
    user: 'warehouse1',
    reach: async (page) => {
      await openFirst(page, 'PENDING_SHIPMENT');
      await page.getByTestId('action-SHIP').click();
    },
    ready: (page) => page.getByTestId('ship-dialog'),
  },
  {
    id: 'lock-dialog',
    user: 'warehouse1',
    reach: async (page) => {
      await openFirst(page, 'PENDING_SHIPMENT');
      await page.getByTestId('action-LOCK').click();
    },
    ready: (page) => page.getByTestId('lock-dialog'),
  },
  {
    id: 'batch-ship',
    user: 'warehouse1',
    reach: (page) => page.getByTestId('batch-ship').click(),
    ready: (page) => page.getByTestId('batch-dialog'),
  },
  {
    id: 'print-preview',
    user: 'warehouse1',
    reach: async (page) => {
      await page.locator('[data-status="PENDING_SHIPMENT"]').click();
      await firstRow(page).locator('[role=cell]').first().click();
      await page.getByTestId('print-packing').click();
    },
    ready: (page) => page.getByTestId('packing-slip').first(),
  },
  {
    id: 'shortcut-help',
    user: 'warehouse1',
    reach: async (page) => {
      await firstRow(page).waitFor();
      await page.keyboard.press('?');
    },
    ready: (page) => page.getByTestId('shortcut-help'),
  },
  {
    id: 'floor',
    user: 'warehouse1',
    reach: nav('floor'),
    ready: (page) => page.getByTestId('scan-station'),
  },
  {
    id: 'floor-order',
    user: 'warehouse1',
    reach: openAtStation,
    ready: (page) => page.getByTestId('verify-order'),
  },
  {
    id: 'split-dialog',
    user: 'warehouse1',
    async reach(page, tour) {
      await openAtStation(page, tour);
      await page.getByTestId('verify-order').waitFor();
      await page.getByTestId('split-order').click();
    },
    ready: (page) => page.getByTestId('split-dialog'),
  },
  {
    id: 'returns',
    user: 'warehouse1',
    reach: nav('returns'),
    ready: (page) => page.getByTestId('return-scan'),
  },
  {
    id: 'exceptions',
    user: 'warehouse1',
    reach: nav('exceptions'),
    ready: (page) => page.locator('.exceptions-screen'),
  },
  {
    id: 'settings',
    user: 'admin',
    reach: nav('settings'),
    ready: (page) => page.getByTestId('settings-running-service'),
  },
  {
    id: 'after-sales',
    user: 'service1',
    reach: async (page, tour) => {
      const orderNo = await orderAwaitingReview(tour.serviceUrl);
      await page.getByRole('button', { name: /立即同步|Sync now/ }).click();
      await openOrder(page, orderNo);
      await page.getByTestId('module-after-sales').locator('.after-sale').scrollIntoViewIfNeeded();
    },
    ready: (page) => page.locator('.after-sale[data-status="PENDING_REVIEW"]'),
  },
  {
    id: 'reject-dialog',
    user: 'service1',
    reach: async (page, tour) => {
      await page.getByRole('button', { name: /立即同步|Sync now/ }).click();
      await openOrder(page, await orderAwaitingReview(tour.serviceUrl));
      await page.locator('.after-sale[data-status="PENDING_REVIEW"]').getByTestId('action-REJECT').click();
    },
    ready: (page) => page.getByTestId('reject-dialog'),
  },
  {
    id: 'change-receiver',
    user: 'service1',
    reach: async (page, tour) => {
      await openOrder(page, await untouchedToShip(tour.serviceUrl));
      await page.getByTestId('cs-CHANGE_RECEIVER').click();
    },
    ready: (page) => page.getByTestId('change-receiver-dialog'),
  },
  {
    id: 'open-after-sale',
    user: 'service1',
    reach: async (page, tour) => {
      await openOrder(page, await untouchedToShip(tour.serviceUrl));
      await page.getByTestId('cs-OPEN_AFTER_SALE').click();
    },
    ready: (page) => page.getByTestId('open-after-sale-dialog'),
  },
  {
    id: 'counter',
    user: 'clerk1',
    reach: async () => undefined,
    ready: (page) => page.getByTestId('code'),
  },
  {
    id: 'counter-preview',
    user: 'clerk1',
    reach: async (page, tour) => {
      const orderNo = await liveCodeAt(tour.serviceUrl, 'ST-01');
      await deskHolds(page, tour.serviceUrl, orderNo);
      await page.getByTestId('code').fill(issuedCode(tour.serviceDb, orderNo));
      await page.getByTestId('code').press('Enter');
    },
    ready: (page) => page.getByTestId('counter-preview'),
  },
  {
    id: 'counter-stores',
    user: 'service1',
    reach: nav('counter'),
    ready: (page) => page.getByTestId('shift-totals'),
  },
  {
    id: 'admin-users',
    user: 'admin',
    reach: nav('admin'),
    ready: (page) => page.getByTestId('admin-users').locator('tr[data-row-key="warehouse1"]'),
  },
  {
    id: 'admin-user-form',
    user: 'admin',
    reach: async (page) => {
      await nav('admin')(page);
      await page.getByTestId('admin-user-add').click();
    },
    ready: (page) => page.getByTestId('admin-user-username'),
  },
  {
    id: 'admin-places',
    user: 'admin',
    reach: async (page) => {
      await nav('admin')(page);
      await page.getByTestId('admin-tab-places').click();
    },
    ready: (page) => page.getByTestId('admin-places').locator('tr[data-row-key="WH-SH"]'),
  },
  {
    id: 'admin-shops',
    user: 'admin',
    reach: async (page) => {
      await nav('admin')(page);
      await page.getByTestId('admin-tab-shops').click();
    },
    ready: (page) => page.getByTestId('admin-shops').locator('tr[data-row-key="SHOP-TMALL"]'),
  },
  {
    id: 'admin-mappings',
    user: 'admin',
    reach: async (page) => {
      await nav('admin')(page);
      await page.getByTestId('admin-tab-shops').click();
      await page.getByTestId('admin-shop-mappings-SHOP-TMALL').click();
    },
    ready: (page) => page.getByTestId('admin-mapping-form'),
  },
  {
    id: 'admin-catalogue',
    user: 'admin',
    reach: async (page) => {
      await nav('admin')(page);
      await page.getByTestId('admin-tab-catalogue').click();
    },
    ready: (page) => page.getByTestId('admin-catalogue').locator('tr.ant-table-row').first(),
  },
  {
    id: 'admin-outbound',
    user: 'admin',
    reach: async (page) => {
      await nav('admin')(page);
      await page.getByTestId('admin-tab-outbound').click();
    },
    ready: (page) => page.getByTestId('admin-outbound').locator('.ant-table'),
  },
  {
    id: 'admin-audit',
    user: 'admin',
    reach: async (page) => {
      await nav('admin')(page);
      await page.getByTestId('admin-tab-audit').click();
    },
    ready: (page) => page.getByTestId('admin-audit').locator('.ant-table'),
  },
  {
    id: 'dealer',
    user: 'dealer1',
    reach: async () => undefined,
    ready: (page) => page.getByTestId('dealer-screen'),
  },
  {
    id: 'review',
    user: 'service1',
    reach: nav('review'),
    ready: (page) => page.getByTestId('review-table').or(page.getByTestId('review-empty')),
  },
  {
    id: 'exception-orders',
    user: 'service1',
    reach: nav('exception-orders'),
    ready: (page) => page.getByTestId('exception-orders-table').or(page.getByTestId('exception-orders-empty')),
  },
  {
    id: 'exception-resolve',
    user: 'service1',
    reach: async (page, tour) => {
      await exceptionToDecide(page, tour.serviceUrl);
      await nav('exception-orders')(page);
      await page.getByTestId('exception-resolve').first().click({ timeout: 30_000 });
    },
    ready: (page) => page.getByTestId('exception-resolve-dialog'),
  },
  {
    id: 'workbench',
    user: 'service1',
    reach: nav('workbench'),
    ready: (page) => page.getByTestId('workbench-table').or(page.getByTestId('workbench-empty')),
  },
  {
    id: 'reports',
    user: 'service1',
    reach: nav('reports'),
    ready: (page) => page.getByTestId('report-charts').or(page.getByTestId('reports-empty')),
  },
  {
    id: 'imports',
    user: 'admin',
    reach: nav('imports'),
    ready: (page) => page.getByTestId('import-shop'),
  },
  {
    id: 'connectors',
    user: 'admin',
    reach: nav('connectors'),
    // The tour's demo runs without platform shops: the screen says how to connect one.
    ready: (page) => page.getByTestId('connectors-table').or(page.getByTestId('empty')),
  },
];
