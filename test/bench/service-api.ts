import { Agent, request } from 'node:http';
import type { OrderRecord } from '../../src/shared/contract/records';
import { DEMO_PASSWORD, DEMO_PRODUCTS } from '../../src/server/demo/company';

export interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Plain node:http with keep-alive rather than fetch: at thousands of requests a second the load
 * generator's own overhead would otherwise be what is measured (it shares the machine).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

export function call<T>(url: string, token: string | null, method: string, body?: unknown): Promise<Answer<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer from ${method} ${url} within 60 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Sockets stay open between calls; closing them lets the process exit. */
export const closeConnections = (): void => agent.destroy();

export async function login(url: string, username: string): Promise<string> {
  const answer = await call<{ token: string }>(`${url}/v1/auth/login`, null, 'POST', {
    username,
    password: DEMO_PASSWORD,
  });
  if (answer.status !== 200) throw new Error(`sign-in of ${username} answered ${answer.status}`);
  return answer.body.token;
}

/** Runs `work` for every item with at most `concurrency` at once, in order of the items. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Single-use service vouchers for store ST-01, bought and paid by the demo buyer: the codes come
 * back in clear only here, as a customer would receive them.
 */
export async function buyVouchers(url: string, adminToken: string, count: number): Promise<string[]> {
  const vouchers = DEMO_PRODUCTS.filter((p) => p.kind === 'SERVICE' && p.onSale && p.uses === 1).map((p) => p.sku);
  const codes: string[] = [];
  await pool(
    Array.from({ length: count }, (_, i) => i),
    16,
    async (i) => {
      const placed = await call<{ parentNo: string }>(`${url}/v1/demo/orders`, adminToken, 'POST', {
        lines: [{ sku: vouchers[i % vouchers.length], quantity: 1 }],
        storeId: 'ST-01',
      });
      if (placed.status !== 200) throw new Error(`placing a voucher order answered ${placed.status}`);
      const paid = await call<{ orders: OrderRecord[]; codes: Array<{ orderNo: string; code: string }> }>(
        `${url}/v1/events/payment-confirmed`,
        adminToken,
        'POST',
        { orderNo: placed.body.parentNo, channel: 'WECHAT_PAY' },
      );
      if (paid.status !== 200) throw new Error(`paying a voucher order answered ${paid.status}`);
      // The buyer's answer names the code; the order record carries only its verifier.
      codes.push(paid.body.codes[0]!.code);
    },
  );
  return codes;
}
