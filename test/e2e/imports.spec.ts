import { expect, test, type Page } from '@playwright/test';
import type { OrderRecord } from '../../src/shared/contract/records';
import { xlsxBytes } from '../../src/shared/files/xlsx';
import { DEMO_PRODUCTS, demoStock } from '../../src/server/demo/company';
import { encodeGb18030 } from '../support/gb18030';
import { pickOption } from './support/ant';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let app: WebMode;

// A platform's poll, a sync and a write-back each take seconds on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 300 });
});
test.afterAll(async () => {
  await app.stop();
});

/** The demo's well-stocked goods, under the merchant codes a shop's report carries. */
const low = new Set(
  demoStock()
    .filter((s) => s.onHand < 50)
    .map((s) => s.sku),
);
const [cup, tee] = DEMO_PRODUCTS.filter(
  (p) => p.kind === 'PHYSICAL' && p.onSale && p.merchantId === 'MCH-0001' && !low.has(p.sku),
);

/** Orders the service holds for a platform order number, read from its own API. */
async function ordersOf(externalOrderNo: string): Promise<OrderRecord[]> {
  const login = await fetch(`${app.serviceUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const answer = await fetch(`${app.serviceUrl}/v1/orders?externalOrderNo=${encodeURIComponent(externalOrderNo)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await answer.json()) as { orders: OrderRecord[] }).orders;
}

async function openImport(page: Page, shop: string): Promise<void> {
  await signIn(page, app.url, 'admin');
  await page.getByTestId('nav-imports').click();
  await pickOption(page, page.getByTestId('import-shop'), shop);
}

const chooseFile = (page: Page, file: { name: string; mimeType: string; buffer: Buffer }) =>
  page.getByTestId('import-screen').locator('input[type="file"]').setInputFiles(file);

test('imports a 拼多多 report saved by Chinese Excel (GBK CSV) through the mapping step, once however often', async ({
  page,
}) => {
  const report = [
    '商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),邮费(元),用户实付金额(元),商品数量(件),收货人,手机,省,市,区,街道,支付时间,商家编码-SKU维度,商品规格',
    `${cup!.name},250313-300000000000001,待发货,${(cup!.listPrice / 100).toFixed(2)},1.00,0.00,0.00,${((cup!.listPrice - 100) / 100).toFixed(2)},1,张三,13800138000,浙江省,杭州市,西湖区,文三路100号,2025-03-13 10:01:02,${cup!.sku},${cup!.spec}`,
    `${tee!.name},250313-300000000000002,待发货,${((tee!.listPrice * 2) / 100).toFixed(2)},0,0,6.00,${((tee!.listPrice * 2 + 600) / 100).toFixed(2)},2,李四,13900139000,广东省,深圳市,福田区,农园路66号,2025-03-13 11:00:00,${tee!.sku},${tee!.spec}`,
    `${tee!.name},250313-300000000000003,待发货,abc,0,0,0,84.00,x,王五,13700137000,广东省,深圳市,福田区,农园路66号,2025-03-13 11:00:00,${tee!.sku},${tee!.spec}`,
  ].join('\r\n');
  await openImport(page, '官方旗舰店（拼多多）');
  await chooseFile(page, { name: '拼多多订单.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeGb18030(report)) });
  await expect(page.getByTestId('import-read')).toHaveText('拼多多订单.csv：3 行数据（CSV, GBK / GB18030）');
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByTestId('import-preset')).toContainText('拼多多 订单导出');
  await page.screenshot({ path: `${SCREENS}/import-mapping.png` });
  await mapping.getByTestId('import-to-preview').click();

  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-summary')).toHaveText(
    '可导入 2 个订单；1 个订单有无法读取的行（共 2 处），不会导入',
  );
  await expect(preview.getByTestId('import-errors').locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: `${SCREENS}/import-preview.png` });
  await preview.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-result')).toContainText('新建 2 个，更新 0 个，未变化 0 个');

  const [first] = await ordersOf('250313-300000000000001');
  expect(first).toMatchObject({
    status: 'PENDING_SHIPMENT',
    amounts: { payable: cup!.listPrice - 100 },
    receiver: { name: '张三', province: '浙江省' },
    external: { externalOrderNo: '250313-300000000000001' },
  });
  expect(await ordersOf('250313-300000000000003')).toEqual([]);

  // The same file again: the shop's saved mapping is used, and nothing new is created.
  await page.getByTestId('import-result').getByRole('button').click();
  await chooseFile(page, { name: '拼多多订单.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeGb18030(report)) });
  await page.getByTestId('import-mapping').getByTestId('import-to-preview').click();
  await page.getByTestId('import-preview').getByTestId('import-submit').click();
  await expect(page.getByTestId('import-result')).toContainText('新建 0 个，更新 0 个，未变化 2 个');
  expect(await ordersOf('250313-300000000000002')).toHaveLength(1);
});

test('imports a 淘宝 report from an Excel workbook, a column the preset does not know mapped by hand', async ({
  page,
}) => {
  const workbook = await xlsxBytes(
    '订单报表',
    [
      { header: '订单编号', kind: 'text' },
      { header: '买家会员名', kind: 'text' },
      { header: '买家应付货款', kind: 'money' },
      { header: '买家应付邮费', kind: 'money' },
      { header: '买家实际支付金额', kind: 'money' },
      { header: '订单状态', kind: 'text' },
      { header: '收货人姓名', kind: 'text' },
      { header: '收货地址', kind: 'text' },
      { header: '联系手机', kind: 'text' },
      { header: '订单创建时间', kind: 'text' },
      { header: '订单付款时间', kind: 'text' },
      { header: '宝贝标题', kind: 'text' },
      { header: '宝贝总数量', kind: 'integer' },
      { header: '我的商品编码', kind: 'text' },
    ],
    [
      [
        '3620118837765401',
        'tb_buyer_01',
        cup!.listPrice,
        0,
        cup!.listPrice,
        '买家已付款，等待卖家发货',
        '赵六',
        '上海 上海市 浦东新区 世纪大道100号',
        '13600136000',
        '2025-03-13 09:00:00',
        '2025-03-13 09:01:00',
        cup!.name,
        1,
        cup!.sku,
      ],
    ],
  );
  await openImport(page, '官方旗舰店（天猫）');
  await chooseFile(page, {
    name: '淘宝订单报表.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(workbook),
  });
  await expect(page.getByTestId('import-read')).toHaveText('淘宝订单报表.xlsx：1 行数据（Excel）');
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByTestId('import-preset')).toContainText('淘宝/天猫 订单报表');
  // The report's own SKU column has a name no preset knows: the person points at it.
  await pickOption(page, mapping.getByTestId('map-sku'), '我的商品编码');
  await mapping.getByTestId('import-to-preview').click();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '可导入 1 个订单；0 个订单有无法读取的行（共 0 处），不会导入',
  );
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-result')).toContainText('新建 1 个');
  const [order] = await ordersOf('3620118837765401');
  expect(order).toMatchObject({
    status: 'PENDING_SHIPMENT',
    exception: null,
    receiver: { name: '赵六', province: '上海市', district: '浦东新区' },
    lines: [{ sku: cup!.sku, quantity: 1 }],
  });
});
