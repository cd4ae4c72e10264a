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
