import type { OrderRecord } from '../../../src/shared/contract/records';

/** Every order the order service holds now, read from its own HTTP API as admin. */
export async function serviceOrders(serviceUrl: string): Promise<OrderRecord[]> {
  const login = await fetch(`${serviceUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
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
  return [...orders.values()];
}

/** Live single-use codes of the clerk's stores, as the order service holds them. */
export async function liveCodes(serviceUrl: string, stores = ['ST-01', 'ST-02']): Promise<OrderRecord[]> {
  const now = Date.now();
  return (await serviceOrders(serviceUrl)).filter(
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
