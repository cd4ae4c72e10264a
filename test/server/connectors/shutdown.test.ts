import { afterAll, describe, expect, it } from 'vitest';
import { startStub } from '../../../src/server/connectors/stub/start';
import type { RunningStub } from '../../../src/server/connectors/stub/server';
import type { PollReport } from '../../../src/server/connectors/poller';
import { startTestService, type TestService } from '../../support/service';

/**
 * An admin stops the service (an upgrade, a restart) while a platform is slow to answer a poll:
 * the service stops at once instead of waiting out the platform's timeouts and retries (15 s a
 * call, four tries), and the poll cut short leaves nothing behind that a later start would trip on.
 */
describe('stopping the service while a shop is being polled', () => {
  let service: TestService | null = null;
  let stub: RunningStub | null = null;
  afterAll(async () => {
    await service?.close();
    await stub?.close();
  });

  it('returns promptly while the platform has not answered the poll’s call', async () => {
    service = await startTestService({ demoOrders: 0 });
    stub = await startStub({ platform: 'taobao', orders: 20, seed: 7, clock: () => service!.clock.now() });
    const admin = await service.login('admin');
    const connected = await admin.post('/v1/admin/shops/SHOP-TMALL/connector', {
      platform: 'taobao',
      gateway: stub.url,
      ...stub.credentials,
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(200);

    // The gateway takes every call and never answers.
    stub.addFault({ kind: 'hang', times: -1 });
    const polling: Promise<PollReport[]> = service.pollConnectors();
    while (!stub.calls().some((c) => c.outcome === 'hang')) await new Promise((r) => setTimeout(r, 20));

    const stoppingAt = Date.now();
    const stopping = service;
    service = null;
    await stopping.close();
    expect(Date.now() - stoppingAt).toBeLessThan(5_000);
    expect(await polling).toEqual([
      expect.objectContaining({ shopId: 'SHOP-TMALL', outcome: 'partial', failure: null }),
    ]);
  });
});
