import type { Deps } from '../deps';
import { putConnector } from './manage';
import type { ConnectorPlatform } from './platform';
import { startStub } from './stub/start';
import type { RunningStub } from './stub/server';

/**
 * The demo company's 淘宝 and 拼多多 shops (demo/company.ts) connected to stub gateways the
 * service starts on loopback (the same stubs the tests use): a demo shows platform orders
 * arriving, changing (paid, refund requested, receiver changed) and being shipped back. The stubs
 * start on a fresh port each run: the connections' gateways are updated, their cursors kept.
 */
const DEMO_CONNECTIONS: ReadonlyArray<{ shopId: string; platform: ConnectorPlatform; seed: number }> = [
  { shopId: 'SHOP-TMALL', platform: 'taobao', seed: 11 },
  { shopId: 'SHOP-PDD', platform: 'pdd', seed: 12 },
];

export async function startDemoShops(
  deps: Pick<Deps, 'store' | 'clock'>,
  key: Buffer,
  options: { orders: number; arriveMs: number },
): Promise<RunningStub[]> {
  const stubs: RunningStub[] = [];
  for (const shop of DEMO_CONNECTIONS) {
    const stub = await startStub({
      platform: shop.platform,
      orders: options.orders,
      seed: shop.seed,
      throttleRate: 0.02,
      changeMs: 20_000,
      arriveMs: options.arriveMs,
      clock: () => deps.clock.now(),
    });
    stubs.push(stub);
    const now = deps.clock.now();
    await deps.store.unit(async (tx) => {
      if (!(await tx.shops.get(shop.shopId))) return;
      await putConnector(
        tx,
        shop.shopId,
        { platform: shop.platform, gateway: stub.url, ...stub.credentials },
        { key, now, initialLookbackMs: 3 * 24 * 3_600_000 },
      );
    });
  }
  return stubs;
}
