import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/server/storage/open';
import type { Store } from '../../../src/server/storage/repositories';
import { startTestService, TEST_START, type TestService } from '../../support/service';
import { startCompany } from '../intake/company';
import { startReceiver } from '../outbound/receiver';

const EVENTS = 240;

/** The write-back queue worked by two service nodes on one PostgreSQL database at once. */
describe('the write-back queue on two nodes of one PostgreSQL database', () => {
  let a: TestService;
  let b: TestService;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver(() => 200);
    a = await startCompany({ store: 'postgres', webhookUrl: receiver.url });
    b = await startTestService({ sharedDatabase: a.database!, demo: false });
    // A busy afternoon's shipments of 240 orders of the first shop, all owed to its ERP.
    for (let i = 0; i < EVENTS; i++) {
      const eventId = `evt-${String(i).padStart(4, '0')}`;
      const orderNo = `TM${String(i).padStart(8, '0')}`;
      const body = JSON.stringify({
        id: eventId,
        type: 'order.shipped',
        shopId: 'TM-HEMU',
        externalOrderNo: `E-${i}`,
        orderNo,
        createdAt: TEST_START,
        data: { parcels: [] },
      });
      await a.fixture(
        `INSERT INTO outbound_events (event_id, shop_id, order_no, external_order_no, type, body, created_at,
           state, attempts, next_attempt_at) VALUES (?, 'TM-HEMU', ?, ?, 'order.shipped', ?, ?, 'pending', 0, ?)`,
        eventId,
        orderNo,
        `E-${i}`,
        body,
        TEST_START,
        TEST_START,
      );
    }
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await receiver?.close();
  });

  it('lets a node take the next batch while another node is still claiming its own', async () => {
    const nodeA: Store = await openStore({ database: a.database!, poolSize: 2 });
    const nodeB: Store = await openStore({ database: a.database!, poolSize: 2 });
    try {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let taken: (ids: number[]) => void = () => {};
      const takenByA = new Promise<number[]>((resolve) => (taken = resolve));
      const unitA = nodeA.unit(async (tx) => {
        taken((await tx.outbound.due(TEST_START + 1, 10)).map((e) => e.id));
        await held;
      });
      const idsA = await takenByA;
      // A still holds its batch: B neither waits for it nor gets it.
      const idsB = await Promise.race([
        nodeB.unit(async (tx) => (await tx.outbound.due(TEST_START + 1, 10)).map((e) => e.id)),
        sleep(5_000).then(() => 'waited for the other node' as const),
      ]);
      release();
      await unitA;
      expect(idsA).toHaveLength(10);
      expect(idsB).toHaveLength(10);
      expect((idsB as number[]).filter((id) => idsA.includes(id))).toEqual([]);
    } finally {
      await nodeA.close();
      await nodeB.close();
    }
  });

  it('delivers 240 events from both nodes at once, each to the ERP once', async () => {
    const [fromA, fromB] = await Promise.all([a.deliverOutbound(), b.deliverOutbound()]);
    expect(fromA.delivered + fromB.delivered).toBe(EVENTS);
    expect(fromA.retried + fromB.retried + fromA.dead + fromB.dead).toBe(0);
    expect(receiver.deliveries).toHaveLength(EVENTS);
    expect(receiver.acted.size).toBe(EVENTS);
    const rows = await a.query<{ state: string; attempts: number; n: number | string }>(
      'SELECT state, attempts, COUNT(*) AS n FROM outbound_events GROUP BY state, attempts',
    );
    expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([{ state: 'delivered', attempts: 1, n: EVENTS }]);
  });
});
