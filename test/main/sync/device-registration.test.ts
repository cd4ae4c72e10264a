import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src/shared/contract/orders';
import { readSyncState } from '../../../src/main/sync/sync-state';
import { expectConverged, expectEachIntentOnce, localOrders } from '../../support/convergence';
import { openTestDesk } from '../../support/desk';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTestService, type TestService } from '../../support/service';
import { shippableOrders, wholeParcel } from './fixtures';

/**
 * Sign-in registers the device with the service in a call of its own. When only that call fails,
 * the desk is signed in online but unknown to the service as a device: its intents must still
 * reach the service at the next round, not wait for the user to sign in again.
 */
describe('a device registration lost at sign-in', () => {
  let service: TestService;
  let proxy: FaultProxy;

  beforeAll(async () => {
    service = await startTestService();
    proxy = await startFaultProxy(service.url);
  });
  afterAll(async () => {
    await proxy.close();
    await service.close();
  });

  it('is made up for before the next push', async () => {
    const desk = openTestDesk(service, { serviceUrl: proxy.url });
    try {
      proxy.inject({ kind: 'status', status: 503 }, { path: '/v1/devices/register' });
      expect(await desk.signIn('warehouse1')).toMatchObject({ offline: false });
      const db = desk.db();
      expect(readSyncState(db, 'deviceCode')).toBeNull();
      await desk.sync();
      const [order] = shippableOrders(desk);
      const shipped = await desk.call('orders.ship', { orderNo: order!.orderNo, parcels: [wholeParcel(order!)] });
      if (!shipped.ok) throw new Error(`ship: ${shipped.error.code}`);
      expect((shipped.value as OrderDetail).pendingSync).toBe(1);
      expect(await desk.sync()).toMatchObject({ online: true, queued: 0, exceptions: 0, lastError: null });
      const code = readSyncState(db, 'deviceCode');
      expect(code).not.toBeNull();
      expect(localOrders(desk).get(order!.orderNo)!.timeline.at(-1)).toMatchObject({
        action: 'SHIP',
        device: `DEV-${code!.padStart(4, '0')}`,
      });
      await expectEachIntentOnce([desk], service);
      await expectConverged(desk, service, 'warehouse1');
    } finally {
      await desk.dispose();
    }
  });
});
