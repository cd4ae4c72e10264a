import { expect, test } from '@playwright/test';
import type { ShopHealth } from '../../src/shared/contract/connectors';
import type { OrderRecord } from '../../src/shared/contract/records';
import { openFromList, scan, sfNumber } from './support/detail';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let app: WebMode;

/**
 * The whole way round, with nothing stood in for but the platform: the desk in Chromium, the real
 * order service over HTTP on 127.0.0.1, and the demo 天猫 shop's stub gateway (TOP's protocol,
 * signatures checked). A buyer places and pays an order on the platform; it appears on the desk;
 * the desk ships it; the platform receives the signed offline logistics send with its number.
 */
// A platform's poll, a sync and a write-back each take seconds on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 300, platformOrders: 20 });
});
test.afterAll(async () => {
  await app.stop();
});

async function admin(path: string, body?: unknown): Promise<unknown> {
  const login = await fetch(`${app.serviceUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const answer = await fetch(`${app.serviceUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return answer.json();
}

const stubCall = async (gateway: string, path: string, body?: unknown) =>
  (await fetch(`${new URL(gateway).origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then((r) => r.json())) as Record<string, unknown>;

test('an order placed on 天猫 appears on the desk, ships, and the platform receives the signed logistics send', async ({
  page,
}) => {
  const shops = ((await admin('/v1/admin/connectors')) as { shops: ShopHealth[] }).shops;
  const tmall = shops.find((s) => s.shopId === 'SHOP-TMALL')!;
  expect(tmall).toMatchObject({ platform: 'taobao' });

  // The buyer places an order on the platform and pays it.
  const { orderNo: tid } = (await stubCall(tmall.gateway, '/__arrive', {})) as { orderNo: string };
  await stubCall(tmall.gateway, '/__pay', { orderNo: tid });
  // An admin asks for the shop to be read now instead of at its next poll (a minute at most).
  await admin('/v1/admin/shops/SHOP-TMALL/connector/repull', { since: Date.now() - 10 * 60_000 });

  let order: OrderRecord | undefined;
  await expect
    .poll(
      async () => {
        const found = (await admin(`/v1/orders?externalOrderNo=${tid}`)) as { orders: OrderRecord[] };
        order = found.orders[0];
        return order?.status;
      },
      { timeout: 120_000 },
    )
    .toBe('PENDING_SHIPMENT');

  await signIn(page, app.url, 'admin');
  await page.getByTestId('nav-connectors').click();
  await expect(page.locator('[data-shop="SHOP-TMALL"]')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/connectors.png` });

  await page.getByTestId('nav-orders').click();
  await openFromList(page, order!.orderNo);
  const panel = page.getByRole('dialog', { name: `订单详情 ${order!.orderNo}` });
  await expect(panel).toContainText(tid);
  await page.keyboard.press('s');
  const dialog = page.getByTestId('ship-dialog');
  await expect(dialog).toBeVisible();
  const trackingNo = sfNumber();
  await scan(page, '包裹 1 运单号', trackingNo);
  await expect(dialog).toBeHidden();

  // The desk syncs, the service queues the write-back, and the platform is told, signed, once. The
  // stub's gateway answers a share of calls with TOP's rate-limit error, as TOP does; the queue
  // sends those again, so a throttled attempt may come before the one that gets through.
  await expect
    .poll(
      async () => {
        const { calls } = (await stubCall(tmall.gateway, '/__calls')) as {
          calls: Array<{ method: string; params: Record<string, string>; outcome: string }>;
        };
        return calls
          .filter((c) => c.method === 'taobao.logistics.offline.send' && c.params.tid === tid)
          .filter((c) => c.outcome !== 'throttled')
          .map((c) => [c.params.out_sid, c.params.company_code, c.outcome, c.params.sign_method]);
      },
      { timeout: 120_000 },
    )
    .toEqual([[trackingNo, 'SF', 'ok', expect.stringMatching(/^(md5|hmac|hmac-sha256)$/)]]);
});
