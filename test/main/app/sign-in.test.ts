import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderListPage } from '../../../src/shared/contract/orders';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { openTestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

describe('signing in at a desk', () => {
  let service: TestService;
  let proxy: FaultProxy;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 300 });
    proxy = await startFaultProxy(service.url);
  });
  afterAll(async () => {
    await proxy.close();
    await service.close();
  });

  const listAll = async (desk: ReturnType<typeof openTestDesk>) => {
    const page = await desk.call('orders.list', { limit: 500 });
    if (!page.ok) throw new Error(page.error.message);
    return orderListPage.parse(page.value).rows;
  };

  it('signs in against the service, registers the device and syncs the user’s orders', async () => {
    const desk = openTestDesk(service, { serviceUrl: proxy.url });
    const session = await desk.signIn('warehouse1');
    expect(session).toMatchObject({ username: 'warehouse1', role: 'warehouse', offline: false });
    expect(session.scope.warehouseIds).toEqual(['WH-SH']);
    const status = await desk.sync();
    expect(status).toMatchObject({ online: true, queued: 0, lastError: null });
    expect(desk.orderCount()).toBeGreaterThan(0);
    await desk.dispose();
  });

  it('refuses a wrong password with its own code and opens nothing', async () => {
    const desk = openTestDesk(service);
    const result = await desk.call('session.signIn', { username: 'warehouse1', password: 'wrong-password' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(desk.app.session()).toBeNull();
    await desk.dispose();
  });

  it('lets the last user keep working offline, with the same password only', async () => {
    const desk = openTestDesk(service, { serviceUrl: proxy.url });
    await desk.signIn('warehouse1');
    await desk.sync();
    const online = await listAll(desk);
    await desk.call('session.signOut');

    await proxy.refuse();
    try {
      expect(await desk.call('session.signIn', { username: 'warehouse1', password: 'not-it' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS' },
      });
      const session = await desk.signIn('warehouse1');
      expect(session.offline).toBe(true);
      expect(await listAll(desk)).toEqual(online);
      const status = await desk.sync();
      expect(status).toMatchObject({ online: false, lastError: { code: 'OFFLINE' } });
      expect(await listAll(desk)).toEqual(online);

      // A user this device has never seen online cannot sign in offline.
      expect(await desk.call('session.signIn', { username: 'clerk1', password: 'demo1234' })).toMatchObject({
        ok: false,
        error: { code: 'SERVICE_UNREACHABLE' },
      });
    } finally {
      await proxy.restore();
    }
    await desk.dispose();
  });

  it('never shows the previous user’s orders after switching user', async () => {
    const desk = openTestDesk(service);
    await desk.signIn('admin');
    await desk.sync();
    const adminCount = desk.orderCount();
    await desk.signIn('warehouse1');
    expect(desk.orderCount()).toBe(0);
    await desk.sync();
    const rows = await listAll(desk);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(adminCount);
    expect(rows.every((r) => r.warehouseId === 'WH-SH')).toBe(true);
    await desk.dispose();
  });
});
