import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, placePaid, pushOne, sku } from '../helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('redeeming a code at the counter', () => {
  let service: TestService;
  let admin: Session;
  let clerk: Session;
  let supervisor: Session;

  /** A paid service order (one use unless asked otherwise) with its code, home store ST-01. */
  async function voucher(uses = 1): Promise<OrderRecord> {
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses }), quantity: 1 }],
      storeId: 'ST-01',
    });
    expect(order!.status).toBe('PENDING_REDEMPTION');
    return order!;
  }
  const redeem = (session: Session, code: string, storeId = 'ST-01', requestId = randomUUID()) =>
    session.post('/v1/redemptions/redeem', { code, storeId, requestId });

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 200 });
    admin = await service.login('admin');
    clerk = await service.login('clerk1');
    supervisor = await service.login('service1');
  });
  afterAll(() => service.close());

  it('previews a code without changing anything: what it buys, masked phone, validity, uses, stores', async () => {
    const order = await voucher();
    const before = await service.snapshot();
    const preview = await clerk.post('/v1/redemptions/verify', { code: await service.codeOf(order), storeId: 'ST-02' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      orderNo: order.orderNo,
      lines: [{ name: order.lines[0]!.name, spec: order.lines[0]!.spec, quantity: 1 }],
      usesTotal: 1,
      usesLeft: 1,
      validFrom: order.paidAt,
      validTo: order.paidAt! + 90 * DAY,
      redeemable: true,
      refusal: null,
    });
    expect(preview.body.buyer.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(preview.body.stores.map((s: { id: string }) => s.id)).toEqual(['ST-01', 'ST-02', 'ST-03', 'ST-04', 'ST-05']);
    expect(await service.snapshot()).toEqual(before);
  });

  it('holds exactly one code for every paid service order: the demo’s history and the mall’s payments', async () => {
    await voucher();
    await voucher(5);
    const codes = await service.query<{ order_no: string }>('SELECT order_no FROM redemption_codes');
    const paid = await service.query<{ order_no: string }>(
      "SELECT order_no FROM orders WHERE kind = 'SERVICE' AND paid_at IS NOT NULL",
    );
    expect(paid.length).toBeGreaterThan(2);
    expect(codes.map((c) => c.order_no).sort()).toEqual(paid.map((o) => o.order_no).sort());
  });

  it('redeems a code exactly once under 50 parallel requests', async () => {
    const order = await voucher();
    const code = await service.codeOf(order);
    const answers = await Promise.all(Array.from({ length: 50 }, () => redeem(clerk, code)));
    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const answer of lost) {
      expect(answer.body.error).toMatchObject({
        code: 'ALREADY_REDEEMED',
        conflict: { redeemedBy: 'clerk:clerk1', storeId: 'ST-01', redeemedAt: service.clock.now() },
      });
    }
    const after = await getOrder(admin, order.orderNo);
    expect(after).toMatchObject({
      status: 'COMPLETED',
      completedAt: service.clock.now(),
      redemptionCode: { usesLeft: 0 },
    });
    expect(after.timeline.filter((t) => t.action === 'REDEEM')).toHaveLength(1);
  });

  it('gives the same answer to the same request id, success or refusal', async () => {
    const order = await voucher();
    const requestId = randomUUID();
    const first = await redeem(clerk, await service.codeOf(order), 'ST-01', requestId);
    const retry = await redeem(clerk, await service.codeOf(order), 'ST-01', requestId);
    expect(first.status).toBe(200);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    expect((await getOrder(admin, order.orderNo)).redemptionCode!.usesLeft).toBe(0);

    const missing = randomUUID();
    expect((await redeem(clerk, '000000', 'ST-01', missing)).body.error.code).toBe('CODE_NOT_FOUND');
    expect((await redeem(clerk, '000000', 'ST-01', missing)).body.error.code).toBe('CODE_NOT_FOUND');
    expect((await redeem(clerk, '111111', 'ST-01', missing)).body.error.code).toBe('REQUEST_ID_REUSED');
  });

  it('completes a five-times car-wash card on its fifth use, not before', async () => {
    const order = await voucher(5);
    const code = await service.codeOf(order);
    expect(order.redemptionCode).toMatchObject({ usesTotal: 5, usesLeft: 5 });
    for (let use = 1; use <= 4; use++) expect((await redeem(clerk, code)).body.usesLeft).toBe(5 - use);
    expect((await getOrder(admin, order.orderNo)).status).toBe('PENDING_REDEMPTION');
    expect((await redeem(clerk, code)).body).toMatchObject({ usesLeft: 0, orderStatus: 'COMPLETED' });
  });

  it('accepts codes as people type them: spaces, dashes, full-width digits', async () => {
    const order = await voucher();
    const code = await service.codeOf(order);
    const typed = `${code.slice(0, 3)} - ${[...code.slice(3)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')}`;
    expect((await redeem(clerk, typed)).status).toBe(200);
  });

  it('refuses at a store that is not the clerk’s, and codes of another merchant', async () => {
    const order = await voucher();
    expect((await redeem(clerk, await service.codeOf(order), 'ST-03')).body.error.code).toBe('STORE_NOT_IN_SCOPE');
    // A store of the platform's own merchant: the services merchant's codes are not valid there.
    await service.fixture("INSERT INTO stores (id, name, merchant_id) VALUES ('ST-90', '自营体验店', 'MCH-0001')");
    const other = await redeem(admin, await service.codeOf(order), 'ST-90');
    expect(other).toMatchObject({ status: 422, body: { error: { code: 'CODE_OTHER_MERCHANT' } } });
  });

  it('refuses a code held by an open refund request, and an expired one', async () => {
    const held = await voucher();
    const asked = await admin.post('/v1/events/after-sale-requested', {
      orderNo: held.orderNo,
      type: 'REFUND_ONLY',
      reason: '行程有变，无法到店',
    });
    expect(asked.status).toBe(200);
    expect((await redeem(clerk, await service.codeOf(held))).body.error.code).toBe('REDEMPTION_INTERCEPTED');

    const order = await voucher();
    service.clock.advance(91 * DAY);
    const preview = await clerk.post('/v1/redemptions/verify', { code: await service.codeOf(order), storeId: 'ST-01' });
    expect(preview.body).toMatchObject({ redeemable: false, refusal: 'CODE_EXPIRED' });
    expect(await redeem(clerk, await service.codeOf(order))).toMatchObject({
      status: 422,
      body: { error: { code: 'CODE_EXPIRED' } },
    });
  });

  it('lets the first of two offline desks win and keeps both records, the loser told who, where and when', async () => {
    const order = await voucher();
    const code = await service.codeOf(order);
    const otherCounter = await service.login('admin');
    await clerk.device();
    await otherCounter.device();
    const t = service.clock.advance(HOUR);
    // Desk B redeemed first by its own clock, but desk A syncs first: the service decides by arrival.
    const a = await pushOne(clerk, 'REDEEM', { code, storeId: 'ST-02', redeemedAt: t - 20 * 60_000 });
    const b = await pushOne(otherCounter, 'REDEEM', { code, storeId: 'ST-01', redeemedAt: t - 40 * 60_000 });
    expect(a).toMatchObject({ status: 'applied', order: { status: 'COMPLETED', completedAt: t - 20 * 60_000 } });
    expect(b).toMatchObject({
      status: 'rejected',
      code: 'ALREADY_REDEEMED',
      conflict: { redeemedBy: 'clerk:clerk1', storeId: 'ST-02', redeemedAt: t - 20 * 60_000 },
      // The code named no order, yet the loser's inbox shows the order as the service now holds it.
      order: { orderNo: order.orderNo, status: 'COMPLETED' },
    });
    const shift = await supervisor.get(`/v1/redemptions?from=${t - HOUR}`);
    const records = shift.body.redemptions.filter((r: { orderNo: string }) => r.orderNo === order.orderNo);
    expect(records.map((r: { state: string; storeId: string }) => [r.state, r.storeId])).toEqual([
      ['rejected', 'ST-01'],
      ['applied', 'ST-02'],
    ]);
  });

  it('lists a store’s redemptions of a day with what each order is worth; a clerk sees only their stores', async () => {
    const order = await voucher();
    const from = service.clock.advance(60_000);
    const done = await redeem(clerk, await service.codeOf(order), 'ST-01');
    expect(done.status).toBe(200);
    const day = `from=${from}&to=${from + DAY}`;
    const list = await supervisor.get(`/v1/redemptions?storeId=ST-01&${day}`);
    expect(list.body.redemptions).toEqual([
      expect.objectContaining({
        id: done.body.redemptionId,
        orderNo: order.orderNo,
        storeId: 'ST-01',
        actor: 'clerk:clerk1',
        state: 'applied',
        payable: order.amounts.payable,
        lines: [{ name: order.lines[0]!.name, quantity: order.lines[0]!.quantity }],
      }),
    ]);
    expect((await supervisor.get(`/v1/redemptions?storeId=ST-02&${day}`)).body.redemptions).toEqual([]);
    expect((await clerk.get(`/v1/redemptions?${day}`)).body.redemptions).toHaveLength(1);
    const elsewhere = await clerk.get(`/v1/redemptions?storeId=ST-03&${day}`);
    expect(elsewhere.body.error.code).toBe('STORE_NOT_IN_SCOPE');
  });

  it('lets a supervisor undo a redemption within the hour, not after', async () => {
    const order = await voucher();
    const done = await redeem(clerk, await service.codeOf(order));
    const undo = (session: Session, redemptionId: string, reason: string) =>
      pushOne(session, 'UNDO_REDEMPTION', { orderNo: order.orderNo, redemptionId, reason });
    expect(await undo(clerk, done.body.redemptionId, '误核销')).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN_ROLE',
    });
    service.clock.advance(59 * 60_000);
    expect(await undo(supervisor, done.body.redemptionId, '顾客未实际消费，误核销')).toMatchObject({
      status: 'applied',
      order: { status: 'PENDING_REDEMPTION', completedAt: null, redemptionCode: { usesLeft: 1 } },
    });
    expect(await undo(supervisor, done.body.redemptionId, '再撤一次')).toMatchObject({ code: 'ALREADY_UNDONE' });

    const again = await redeem(clerk, await service.codeOf(order));
    expect(again.status).toBe(200);
    service.clock.advance(HOUR);
    expect(await undo(supervisor, again.body.redemptionId, '太晚了')).toMatchObject({
      status: 'rejected',
      code: 'UNDO_WINDOW_PASSED',
    });
  });
});

describe('wrong codes are limited per clerk and per store', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      demoOrders: 50,
      codeAttempts: { perClerk: { limit: 10, windowMs: 10 * 60_000 }, perStore: { limit: 15, windowMs: 10 * 60_000 } },
    });
  });
  afterAll(() => service.close());

  it('locks a guessing clerk out for the window, even for a right code, then lets them in again', async () => {
    const admin = await service.login('admin');
    const clerk = await service.login('clerk1');
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }],
      storeId: 'ST-01',
    });
    const code = await service.codeOf(order!);
    let wrong = 0;
    for (let guess = 100_000; wrong < 10; guess += 7919) {
      if (String(guess) === code) continue;
      expect((await clerk.post('/v1/redemptions/verify', { code: String(guess), storeId: 'ST-01' })).status).toBe(404);
      wrong++;
    }
    const locked = await clerk.post('/v1/redemptions/redeem', { code, storeId: 'ST-01', requestId: randomUUID() });
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'CODE_ATTEMPTS_LIMITED' } } });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Offline pushes are limited too, and not remembered: a later retry can succeed.
    const offline = clerk.intent('REDEEM', { code, storeId: 'ST-01', redeemedAt: service.clock.now() });
    expect((await clerk.push([offline])).body.results[0]).toMatchObject({ code: 'CODE_ATTEMPTS_LIMITED' });

    service.clock.advance(10 * 60_000 + 1);
    expect((await clerk.push([offline])).body.results[0]).toMatchObject({ status: 'applied' });
  });

  it('locks a store out once its clerks together guessed too often, other stores unaffected', async () => {
    const clerk = await service.login('clerk1');
    const admin = await service.login('admin');
    for (let i = 0; i < 10; i++)
      await clerk.post('/v1/redemptions/verify', { code: `77${String(i).padStart(4, '0')}`, storeId: 'ST-02' });
    for (let i = 0; i < 5; i++)
      await admin.post('/v1/redemptions/verify', { code: `88${String(i).padStart(4, '0')}`, storeId: 'ST-02' });
    const atStore = await admin.post('/v1/redemptions/verify', { code: '123456', storeId: 'ST-02' });
    expect(atStore.body.error.code).toBe('CODE_ATTEMPTS_LIMITED');
    const elsewhere = await admin.post('/v1/redemptions/verify', { code: '123456', storeId: 'ST-04' });
    expect(elsewhere.body.error.code).toBe('CODE_NOT_FOUND');
  });
});
