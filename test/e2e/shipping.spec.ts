import { expect, test, type Locator } from '@playwright/test';
import type { OrderRecord } from '../../src/shared/contract/records';
import { xlsxBytes } from '../../src/shared/files/xlsx';
import { encodeGb18030 } from '../support/gb18030';
import { openFromList, scan, sfNumber } from './support/detail';
import { serviceOrder, serviceOrders } from './support/service-api';
import { signIn, startWebMode, type WebMode } from './support/web-mode';
import { switchLanguage } from './support/ant';

const SCREENS = 'test-results/screens';
let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 1500 });
});
test.afterAll(async () => {
  await app.stop();
});

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
const units = (o: OrderRecord) => o.lines.reduce((n, l) => n + l.quantity, 0);
/** A line's quantity in a parcel of the shipping dialog, named by product and spec (one product may come in two sizes). */
const quantityIn = (dialog: Locator, parcel: number, line: OrderRecord['lines'][number]) =>
  dialog.getByLabel(`包裹 ${parcel} ${[line.name, line.spec, '本包裹数量'].filter(Boolean).join(' ')}`, {
    exact: true,
  });

test('a warehouse desk opens an order from the list and ships it in two parcels by keyboard, then the rest', async ({
  page,
}) => {
  const order = (await waitingToShip()).find((o) => o.lines.length >= 2 && units(o) - o.lines[0]!.quantity >= 2)!;
  expect(order).toBeDefined();
  const [first, second] = order.lines;
  await signIn(page, app.url, 'warehouse1');
  await openFromList(page, order.orderNo);
  const panel = page.getByRole('dialog', { name: `订单详情 ${order.orderNo}` });
  for (const module of ['基本信息', '商品', '支付与金额', '优惠', '物流', '发票', '售后', '关联订单', '操作记录'])
    await expect(panel.getByRole('region', { name: module, exact: true })).toBeVisible();
  await expect(panel.getByTestId('module-payment')).toContainText('商品总额');
  await expect(panel.getByTestId('module-logistics')).toContainText('尚未发货');
  await expect(panel.getByTestId('detail-status')).toHaveText('待发货');
  await page.screenshot({ path: `${SCREENS}/detail.png` });

  // s opens the shipping dialog with everything owed in parcel 1.
  await page.keyboard.press('s');
  const dialog = page.getByTestId('ship-dialog');
  await expect(dialog).toBeVisible();
  // Enter before anything is scanned says what is missing and ships nothing.
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('parcel-1').getByRole('alert')).toHaveText('请填写运单号');
  for (const line of order.lines.slice(1)) await quantityIn(dialog, 1, line).fill('0');
  await dialog.getByRole('button', { name: '添加包裹' }).click();
  await quantityIn(dialog, 2, second!).fill('1');
  await expect(dialog.getByTestId('ship-outcome')).toHaveText('部分发货：发出后订单仍为待发货');
  const [parcelA, parcelB] = [sfNumber(), sfNumber()];
  await dialog.getByLabel('包裹 1 运单号').fill(parcelA);
  // A number that does not fit the carrier says what a good one looks like.
  await dialog.getByLabel('包裹 2 运单号').fill('SF12');
  const parcelTwoError = dialog.getByTestId('parcel-2').locator('.field-error');
  await expect(parcelTwoError).toContainText('运单号格式不符');
  await expect(parcelTwoError).toContainText('SF1234567890123');
  await dialog.getByLabel('包裹 2 运单号').fill('');
  await page.screenshot({ path: `${SCREENS}/ship-dialog.png` });
  await scan(page, '包裹 2 运单号', parcelB);

  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('detail-notice')).toHaveText(/已保存，等待同步|已同步到订单服务/);
  await expect(panel.getByTestId('detail-status')).toHaveText('待发货');
  await expect(panel.locator('.waybill')).toHaveCount(2);
  await expect(panel.locator(`.waybill[data-tracking-no="${parcelB}"]`)).toContainText(`${second!.name}`);
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order.orderNo);
      return [held?.status, held?.waybills.map((w) => w.trackingNo)];
    })
    .toEqual(['PENDING_SHIPMENT', [parcelA, parcelB]]);
  await expect(panel.getByTestId('detail-pending')).toHaveCount(0);
  // The notice follows the service's answer without reopening the order.
  await expect(panel.getByTestId('detail-notice')).toHaveText('已同步到订单服务');
  await page.screenshot({ path: `${SCREENS}/ship-partial.png` });

  // The rest: s, scan, Enter.
  await page.keyboard.press('s');
  await expect(dialog.getByTestId('ship-outcome')).toHaveText('全部发出：订单将变为待收货');
  const parcelC = sfNumber();
  await scan(page, '包裹 1 运单号', parcelC);
  await expect(panel.getByTestId('detail-status')).toHaveText('待收货');
  await expect.poll(async () => (await serviceOrder(app.serviceUrl, order.orderNo))?.status).toBe('PENDING_RECEIPT');
  const shipped = (await serviceOrder(app.serviceUrl, order.orderNo))!;
  expect(shipped.waybills.map((w) => w.trackingNo)).toEqual([parcelA, parcelB, parcelC]);
  expect(shipped.waybills[0]!.lines).toEqual([{ lineNo: first!.lineNo, quantity: first!.quantity }]);
  await expect(panel.getByRole('button', { name: /^发货/ })).toBeDisabled();
  await expect(panel.getByTestId('detail-actions')).toContainText('当前状态不允许该操作');
  await page.screenshot({ path: `${SCREENS}/ship-done.png` });

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('a scan and Enter in parcel 1 moves on to parcel 2; a number already used names its order', async ({ page }) => {
  // Lines are found by their names: two lines of one product (another spec) would share a label.
  const candidates = (await waitingToShip()).filter(
    (o) => units(o) >= 2 && new Set(o.lines.map((l) => l.name)).size === o.lines.length,
  );
  const [order, next] = candidates.slice(-4, -2);
  await signIn(page, app.url, 'warehouse1');
  await openFromList(page, order!.orderNo);
  const panel = page.getByRole('dialog', { name: `订单详情 ${order!.orderNo}` });
  await page.keyboard.press('s');
  const dialog = page.getByTestId('ship-dialog');
  await dialog.getByRole('button', { name: '添加包裹' }).click();
  // Parcel 1 keeps one unit of the first line, parcel 2 takes the rest.
  for (const line of order!.lines) {
    await quantityIn(dialog, 1, line).fill(line === order!.lines[0] ? '1' : '0');
    const rest = line === order!.lines[0] ? line.quantity - 1 : line.quantity;
    await quantityIn(dialog, 2, line).fill(String(rest));
  }
  const [one, two] = [sfNumber(), sfNumber()];
  await dialog.getByLabel('包裹 1 运单号').click();
  // Two scans in a row, as the scanner sends them: no click in between.
  await page.keyboard.type(one, { delay: 3 });
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('包裹 2 运单号')).toBeFocused();
  await expect(dialog.getByLabel('包裹 1 运单号')).toHaveValue(one);
  await page.keyboard.type(two, { delay: 3 });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.locator('.waybill')).toHaveCount(2);
  await expect(panel.getByTestId('detail-status')).toHaveText('待收货');
  await page.keyboard.press('Escape');

  // The same label on the next order: refused, naming the order that holds it.
  await openFromList(page, next!.orderNo);
  await page.keyboard.press('s');
  await scan(page, '包裹 1 运单号', two);
  await expect(dialog.locator('.form-error')).toHaveText(`运单号 ${two} 已用于订单 ${order!.orderNo}，请换一张面单`);
  // The number itself is well formed: the format hint a partly typed number showed has gone (Ant
  // animates a field's message out, which a loaded machine stretches).
  await expect(dialog.locator('.field-error')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await serviceOrder(app.serviceUrl, order!.orderNo))?.waybills.length).toBe(2);
});

test('locks an order with a reason (shipping then says why it cannot), adds a note, unlocks', async ({ page }) => {
  const [, order] = await waitingToShip();
  await signIn(page, app.url, 'warehouse1');
  await openFromList(page, order!.orderNo);
  const panel = page.getByRole('dialog', { name: `订单详情 ${order!.orderNo}` });
  await panel.getByRole('button', { name: '锁定' }).click();
  await page.getByLabel('锁定原因').fill('买家来电要求改地址');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('detail-locked')).toHaveText('已锁定：买家来电要求改地址');
  await expect(panel.getByRole('button', { name: /^发货/ })).toBeDisabled();
  await expect(panel.getByTestId('detail-actions')).toContainText('订单已锁定');
  // s on a locked order says why it will not ship.
  await page.keyboard.press('s');
  await expect(page.getByTestId('ship-dialog')).toHaveCount(0);
  await expect(panel.getByTestId('detail-notice')).toHaveText('操作未执行：订单已锁定');

  await panel.getByRole('button', { name: '添加备注' }).click();
  await page.getByLabel('备注内容').fill('已联系买家，等待新地址');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('module-timeline')).toContainText('已联系买家，等待新地址');
  await page.screenshot({ path: `${SCREENS}/detail-locked.png` });
  await expect
    .poll(async () => {
      const held = await serviceOrder(app.serviceUrl, order!.orderNo);
      return [held?.locked, held?.lockReason, held?.timeline.some((e) => e.detail.includes('等待新地址'))];
    })
    .toEqual([true, '买家来电要求改地址', true]);

  await panel.getByRole('button', { name: '解锁' }).click();
  await expect(panel.getByTestId('detail-locked')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^发货/ })).toBeEnabled();
  await expect.poll(async () => (await serviceOrder(app.serviceUrl, order!.orderNo))?.locked).toBe(false);
});

test('batch-ships from a CSV: the preview shows the bad row, only the valid rows ship', async ({ page }) => {
  const orders = await waitingToShip();
  const [a, b] = orders.slice(-2);
  const [numberA, numberB] = [sfNumber(), sfNumber()];
  const csv = ['订单号,快递公司,运单号', `${a!.orderNo},顺丰速运,${numberA}`, `${b!.orderNo},SF,${numberB}`];
  csv.push(`${orders[2]!.orderNo},中通快递,12345`);
  await signIn(page, app.url, 'warehouse1');
  await page.getByRole('button', { name: '批量发货' }).click();
  const dialog = page.getByTestId('batch-dialog');
  await dialog.locator('input[type=file]').setInputFiles({
    name: '发货单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv.join('\r\n')}\r\n`),
  });
  await expect(dialog.getByLabel('CSV 内容')).toHaveValue(/中通快递/);
  await dialog.getByRole('button', { name: '预览' }).click();
  await expect(dialog.getByTestId('batch-summary')).toHaveText('2 行可发货，1 行有错误（有错误的行不会发货）');
  await expect(dialog.locator('tr[data-line="4"]')).toHaveAttribute('data-error', 'TRACKING_FORMAT');
  await expect(dialog.locator('tr[data-line="4"]')).toContainText('运单号与快递公司格式不符');
  await page.screenshot({ path: `${SCREENS}/batch-preview.png` });

  await dialog.getByRole('button', { name: '发货 2 单' }).click();
  await expect(dialog.getByTestId('batch-summary')).toHaveText('已发货 2 单，1 行未发货');
  await expect(dialog.locator('tr[data-line="2"]')).toContainText('已发货');
  await page.screenshot({ path: `${SCREENS}/batch-applied.png` });
  await expect
    .poll(async () => {
      const held = await serviceOrders(app.serviceUrl, 'warehouse1');
      return [a, b, orders[2]].map((o) => held.get(o!.orderNo)?.status);
    })
    .toEqual(['PENDING_RECEIPT', 'PENDING_RECEIPT', 'PENDING_SHIPMENT']);
  expect((await serviceOrder(app.serviceUrl, a!.orderNo))!.waybills.map((w) => w.trackingNo)).toEqual([numberA]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('batch-ships from an Excel workbook and from a GBK CSV as Chinese Excel saves it', async ({ page }) => {
  const orders = await waitingToShip();
  const [a, b] = orders.slice(-4, -2);
  const [numberA, numberB] = [sfNumber(), sfNumber()];
  await signIn(page, app.url, 'warehouse1');
  const open = async () => {
    await page.getByRole('button', { name: '批量发货' }).click();
    return page.getByTestId('batch-dialog');
  };

  let dialog = await open();
  const workbook = await xlsxBytes(
    '发货',
    [
      { header: '订单号', kind: 'text' },
      { header: '快递公司', kind: 'text' },
      { header: '运单号', kind: 'text' },
    ],
    [[a!.orderNo, '顺丰速运', numberA]],
  );
  await dialog.locator('input[type=file]').setInputFiles({
    name: '发货单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(workbook),
  });
  await expect(dialog.getByTestId('batch-read')).toHaveText('已读取 2 行（Excel）');
  await dialog.getByRole('button', { name: '预览' }).click();
  await expect(dialog.getByTestId('batch-summary')).toHaveText('1 行可发货，0 行有错误（有错误的行不会发货）');
  await page.screenshot({ path: `${SCREENS}/batch-xlsx-preview.png` });
  await dialog.getByRole('button', { name: '发货 1 单' }).click();
  await expect(dialog.getByTestId('batch-summary')).toHaveText('已发货 1 单，0 行未发货');
  await page.keyboard.press('Escape');

  dialog = await open();
  await dialog.locator('input[type=file]').setInputFiles({
    name: '发货单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(encodeGb18030(`订单号,快递公司,运单号\r\n${b!.orderNo},顺丰速运,${numberB}\r\n`)),
  });
  await expect(dialog.getByTestId('batch-read')).toHaveText('已读取 2 行（CSV, GBK / GB18030）');
  await expect(dialog.getByLabel('CSV 内容')).toHaveValue(/顺丰速运/);
  await dialog.getByRole('button', { name: '预览' }).click();
  await dialog.getByRole('button', { name: '发货 1 单' }).click();
  await expect(dialog.getByTestId('batch-summary')).toHaveText('已发货 1 单，0 行未发货');
  await expect
    .poll(async () => {
      const held = await serviceOrders(app.serviceUrl, 'warehouse1');
      return [a, b].map((o) => held.get(o!.orderNo)?.waybills.map((w) => w.trackingNo));
    })
    .toEqual([[numberA], [numberB]]);
  await page.keyboard.press('Escape');
});

test('the detail and the shipping dialog read in English too', async ({ page }) => {
  const [order] = await waitingToShip();
  await signIn(page, app.url, 'warehouse1');
  await switchLanguage(page, 'English');
  await page.getByRole('searchbox').fill(order!.orderNo);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator(`.tbody .tr[data-order-no="${order!.orderNo}"]`).click();
  const panel = page.getByRole('dialog', { name: `Order ${order!.orderNo}` });
  for (const module of ['Basic info', 'Items', 'Payment and amounts', 'Logistics', 'After-sales', 'Timeline'])
    await expect(panel.getByRole('region', { name: module, exact: true })).toBeVisible();
  await expect(panel.getByTestId('module-logistics')).toContainText('Not shipped yet');
  await page.keyboard.press('s');
  await expect(page.getByTestId('ship-dialog')).toContainText('Everything leaves: the order moves to pending receipt');
  await expect(page.getByTestId('ship-dialog').getByTestId('carrier-1')).toContainText('SF Express');
  await page.screenshot({ path: `${SCREENS}/ship-dialog-en.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ship-dialog')).toHaveCount(0);
  await expect(panel).toBeVisible();
});
