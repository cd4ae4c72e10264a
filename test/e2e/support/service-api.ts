import type { AfterSaleRecord, OrderRecord } from '../../../src/shared/contract/records';
import type { AfterSaleType } from '../../../src/shared/domain/vocabulary';

async function tokenOf(serviceUrl: string, username: string): Promise<string> {
  const login = await fetch(`${serviceUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await login.json()) as { token: string }).token;
}

/** Every order the service holds in a user's scope, read from its own HTTP API (a full pull). */
export async function serviceOrders(serviceUrl: string, username = 'admin'): Promise<Map<string, OrderRecord>> {
  const token = await tokenOf(serviceUrl, username);
  const orders = new Map<string, OrderRecord>();
  let cursor = '';
  for (;;) {
    const page = await fetch(`${serviceUrl}/v1/sync/pull?cursor=${cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await page.json()) as {
      changes: Array<{ type: string; order?: OrderRecord; orderNo?: string }>;
      cursor: string;
      hasMore: boolean;
    };
    for (const change of body.changes) {
      if (change.type === 'order' && change.order) orders.set(change.order.orderNo, change.order);
      if (change.type === 'order_removed' && change.orderNo) orders.delete(change.orderNo);
    }
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  return orders;
}

/** One order as the service holds it now. */
export async function serviceOrder(serviceUrl: string, orderNo: string): Promise<OrderRecord | undefined> {
  return (await serviceOrders(serviceUrl)).get(orderNo);
}

/** A buyer of the demo mall asks for a refund, a return or an exchange of the whole order. */
export async function buyerAsks(
  serviceUrl: string,
  orderNo: string,
  type: AfterSaleType,
  reason: string,
  /** The parcel the buyer sends the goods back in, when they say. */
  returnShipment?: { carrier: string; trackingNo: string },
): Promise<AfterSaleRecord> {
  const token = await tokenOf(serviceUrl, 'admin');
  const answer = await fetch(`${serviceUrl}/v1/events/after-sale-requested`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ orderNo, type, reason, ...(returnShipment ? { returnShipment } : {}) }),
  });
  if (answer.status !== 200) throw new Error(`after-sale on ${orderNo}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as AfterSaleRecord;
}

/** Live single-use codes of the clerk's stores. */
export async function liveCodes(serviceUrl: string, stores = ['ST-01', 'ST-02']): Promise<OrderRecord[]> {
  const now = Date.now();
  return [...(await serviceOrders(serviceUrl)).values()].filter(
    (o) =>
      o.status === 'PENDING_REDEMPTION' &&
      o.storeId !== null &&
      stores.includes(o.storeId) &&
      o.refundStatus === 'NONE' &&
      o.redemptionCode !== null &&
      o.redemptionCode.usesTotal === 1 &&
      o.redemptionCode.usesLeft === 1 &&
      o.redemptionCode.validFrom <= now &&
      o.redemptionCode.validTo > now + 3_600_000,
  );
}

/** One call to the order service as a demo user, for what a test sets up behind the desk's back. */
export async function serviceCall<T>(
  serviceUrl: string,
  username: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const token = await tokenOf(serviceUrl, username);
  const answer = await fetch(`${serviceUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** A shopper of the demo mall buys and pays: the paid child orders, as the service answers them. */
export async function buyerPays(
  serviceUrl: string,
  checkout: { lines: Array<{ sku: string; quantity: number }>; buyerIndex: number; storeId?: string },
): Promise<OrderRecord[]> {
  const placed = await serviceCall<{ orders: OrderRecord[] }>(serviceUrl, 'admin', 'POST', '/v1/demo/orders', checkout);
  const paid = await serviceCall<{ orders: OrderRecord[] }>(
    serviceUrl,
    'admin',
    'POST',
    '/v1/events/payment-confirmed',
    {
      orderNo: placed.orders[0]!.orderNo,
      channel: 'WECHAT_PAY',
      serialNo: `4200${String(Date.now()).slice(-12)}${String(placed.orders.length).padStart(12, '0')}`,
    },
  );
  return paid.orders;
}
