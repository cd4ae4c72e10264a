import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { pushOne, sfTracking } from '../helpers';
import type { Session, TestService } from '../../support/service';
import { exampleOrder, PASSWORD, startCompany } from '../intake/company';
import { deadPort, startReceiver } from './receiver';

const SECRET = 'hemu-erp-webhook-secret-2025';
const SECOND = 1000;

type Verify = (secret: string, headers: Record<string, unknown>, rawBody: string, now?: number) => boolean;

/** The verification snippet exactly as docs/api.md publishes it, loaded as a module. */
async function documentedVerification() {
  const docs = readFileSync('docs/api.md', 'utf8');
  const code = /<!-- webhook-verify -->\s*```js\n([\s\S]*?)```/.exec(docs)?.[1];
  const bad = /<!-- webhook-bad-example -->\s*```json\n([\s\S]*?)```/.exec(docs)?.[1];
  const good = /```http\n[\s\S]*?\n\n(\{.*\})\n```/.exec(docs)?.[1];
  if (!code || !bad || !good) throw new Error('docs/api.md lost its webhook example or verification snippet');
  const file = join(mkdtempSync(join(tmpdir(), 'verify-')), 'verify-webhook.mjs');
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { verifyWebhook: Verify };
  return {
    verify: module.verifyWebhook,
    good,
    bad: JSON.parse(bad) as { headers: Record<string, string>; body: string },
  };
}

/** Ships every line of an order in one SF parcel from a desk. */
async function shipWhole(desk: Session, boss: Session, orderNo: string): Promise<string> {
  const order = (await boss.get(`/v1/orders/${orderNo}`)).body as OrderRecord;
  const trackingNo = sfTracking();
  const shipped = await pushOne(desk, 'SHIP', {
    orderNo,
    parcels: [
      { carrier: 'SF', trackingNo, lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })) },
    ],
  });
  expect(shipped.status).toBe('applied');
  return trackingNo;
}

describe('the documented webhook verification', () => {
  it('accepts the documented delivery, and refuses the documented bad signature and a late replay', async () => {
    const { verify, good, bad } = await documentedVerification();
    const at = 1741917600 * SECOND;
    expect(verify(SECRET, bad.headers, good, at)).toBe(true);
    expect(verify(SECRET, bad.headers, bad.body, at)).toBe(false);
    expect(verify(SECRET, bad.headers, good, at + 3600 * SECOND)).toBe(false);
    expect(verify('another-secret-of-some-length', bad.headers, good, at)).toBe(false);
  });
});

describe('telling a shop’s ERP what happened to its orders', () => {
  let service: TestService;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let erp: Session;
  let desk: Session;
  let boss: Session;

  beforeAll(async () => {
    // The ERP is having a bad morning: its first three answers are 500s.
    receiver = await startReceiver((n) => (n <= 3 ? 500 : 200));
    service = await startCompany({ webhookUrl: receiver.url });
    erp = await service.login('erp', PASSWORD);
    desk = await service.login('wh-hz', PASSWORD);
    boss = await service.login('boss', PASSWORD);
  });
  afterAll(async () => {
    await service.close();
    await receiver.close();
  });

  it('delivers a shipment signed, retries a failing receiver with backoff, and the ERP acts on it once', async () => {
    const posted = await erp.post('/v1/intake/orders', { orders: [exampleOrder(0, { externalOrderNo: 'WH-1' })] });
    const [orderNo] = posted.body.results[0].orderNos;
    const trackingNo = await shipWhole(desk, boss, orderNo);

    expect(await service.deliverOutbound()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    // Not due again before its backoff has passed.
    expect(await service.deliverOutbound()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    for (const wait of [5, 10]) {
      service.clock.advance(wait * SECOND);
      expect(await service.deliverOutbound()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    }
    service.clock.advance(20 * SECOND);
    expect(await service.deliverOutbound()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    service.clock.advance(3600 * SECOND);
    expect(await service.deliverOutbound()).toEqual({ delivered: 0, retried: 0, dead: 0 });

    expect(receiver.deliveries.map((d) => d.answered)).toEqual([500, 500, 500, 200]);
    expect(new Set(receiver.deliveries.map((d) => d.headers['x-order-event-id'])).size).toBe(1);
    expect(receiver.acted.size).toBe(1);

    const { verify } = await documentedVerification();
    for (const d of receiver.deliveries)
      expect(verify(SECRET, d.headers, d.body, Number(d.headers['x-order-timestamp']) * SECOND)).toBe(true);
    const event = JSON.parse([...receiver.acted.values()][0]!);
    expect(event.id).toBe(receiver.deliveries[0]!.headers['x-order-event-id']);
    expect(event).toMatchObject({
      type: 'order.shipped',
      shopId: 'TM-HEMU',
      externalOrderNo: 'WH-1',
      orderNo,
      data: {
        allShipped: true,
        parcels: [
          {
            carrier: 'SF',
            carrierName: '顺丰速运',
            trackingNo,
            lines: [
              {
                lineNo: 1,
                sku: 'HM-TW-001',
                quantity: 2,
                platformLineId: '3620118837765402',
                platformItemId: '680012340000',
                platformSkuId: '5000000000',
              },
              expect.objectContaining({ sku: 'HM-CP-010', platformLineId: '3620118837765403' }),
            ],
          },
        ],
      },
    });
  });

  it('tells the ERP what the service decided on a refund its buyer asked for, never echoing what the shop sent', async () => {
    const before = receiver.deliveries.length;
    const asked = exampleOrder(1, {
      externalOrderNo: 'WH-2',
      refund: { status: 'REQUESTED', type: 'REFUND_ONLY', reason: '不想要了' },
    });
    const posted = await erp.post('/v1/intake/orders', { orders: [asked] });
    const [orderNo] = posted.body.results[0].orderNos;
    await service.deliverOutbound();
    expect(receiver.deliveries.length).toBe(before);

    const order = (await boss.get(`/v1/orders/${orderNo}`)).body as OrderRecord;
    const supervisor = await service.login('cs-lead', PASSWORD);
    const afterSaleId = order.afterSales[0]!.id;
    expect((await pushOne(supervisor, 'AFTER_SALE_APPROVE', { orderNo, afterSaleId })).status).toBe('applied');
    expect((await pushOne(supervisor, 'AFTER_SALE_REFUND', { orderNo, afterSaleId })).status).toBe('applied');
    expect(await service.deliverOutbound()).toEqual({ delivered: 2, retried: 0, dead: 0 });
    const told = receiver.deliveries.slice(before).map((d) => JSON.parse(d.body));
    expect(told.map((e) => e.type)).toEqual(['refund.approved', 'refund.paid']);
    expect(told[1].data).toMatchObject({ afterSaleType: 'REFUND_ONLY', amount: expect.any(Number) });
  });
});

describe('a receiver that stays down', () => {
  it('parks its events as dead letters an admin sees and replays once it is back', async () => {
    const port = await deadPort();
    const service = await startCompany({
      webhookUrl: `http://127.0.0.1:${port}/hooks/order-service`,
      outbound: { maxAttempts: 3, baseDelayMs: 1000, timeoutMs: 2000 },
    });
    try {
      const erp = await service.login('erp', PASSWORD);
      const boss = await service.login('boss', PASSWORD);
      const desk = await service.login('wh-hz', PASSWORD);
      const posted = await erp.post('/v1/intake/orders', { orders: [exampleOrder(0, { externalOrderNo: 'DEAD-1' })] });
      const [orderNo] = posted.body.results[0].orderNos;
      await shipWhole(desk, boss, orderNo);
      const rounds = [];
      for (let i = 0; i < 3; i++) {
        rounds.push(await service.deliverOutbound());
        service.clock.advance(60 * SECOND);
      }
      expect(rounds).toEqual([
        { delivered: 0, retried: 1, dead: 0 },
        { delivered: 0, retried: 1, dead: 0 },
        { delivered: 0, retried: 0, dead: 1 },
      ]);
      const dead = await boss.get('/v1/admin/outbound?state=dead');
      expect(dead.body.counts).toMatchObject({ dead: 1, pending: 0 });
      expect(dead.body.events).toEqual([
        expect.objectContaining({
          type: 'order.shipped',
          orderNo,
          externalOrderNo: 'DEAD-1',
          attempts: 3,
          lastError: expect.stringContaining('ECONNREFUSED'),
        }),
      ]);
      // A dead letter is not tried again on its own.
      service.clock.advance(24 * 3600 * SECOND);
      expect(await service.deliverOutbound()).toEqual({ delivered: 0, retried: 0, dead: 0 });

      const receiver = await startReceiver(() => 200, port);
      try {
        const { id } = dead.body.events[0];
        expect((await erp.post(`/v1/admin/outbound/${id}/replay`)).status).toBe(403);
        expect((await boss.post(`/v1/admin/outbound/${id}/replay`)).status).toBe(200);
        expect((await boss.post(`/v1/admin/outbound/${id}/replay`)).body.error.code).toBe('NOT_DEAD');
        expect(await service.deliverOutbound()).toEqual({ delivered: 1, retried: 0, dead: 0 });
        expect(receiver.acted.size).toBe(1);
        expect((await boss.get('/v1/admin/outbound')).body.counts).toMatchObject({ dead: 0, delivered: 1 });
        const audit = (await boss.get('/v1/admin/audit?limit=5')).body;
        expect(audit[0]).toMatchObject({ actor: 'admin:boss', action: 'outbound.replay', detail: { orderNo } });
      } finally {
        await receiver.close();
      }
    } finally {
      await service.close();
    }
  });
});
