import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectConverged, expectEachIntentOnce, localOrders } from '../../support/convergence';
import type { TestDesk } from '../../support/desk';
import { useDeskWorld } from '../../support/world';
import { liveCodes as liveCodesOf, redeem } from './fixtures';

describe('redeeming service codes at the store counter', () => {
  const world = useDeskWorld({ demoOrders: 1500 });
  const counter = () => world.desk('clerk1');
  const liveCodes = () => liveCodesOf(world.service);

  it('keeps no code on disk, only the service’s verifiers sealed under the desk’s own key', async () => {
    const desk = await counter();
    const codes = await Promise.all((await liveCodes()).map((o) => world.service.codeOf(o)));
    expect(codes.length).toBeGreaterThan(0);
    const file = new Database(`${desk.userDir()}/orders.sqlite`, { readonly: true });
    const stored = file.prepare('SELECT code FROM redemption_codes').pluck().all() as string[];
    file.close();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((c) => /^scrypt\$\d+\$8\$1\$[\w-]+\$sealed:[\w-]{43}$/.test(c))).toBe(true);
    for (const code of codes) expect(stored).not.toContain(code);
  });

  it('previews what a code buys, then redeems it online and the order completes', async () => {
    const desk = await counter();
    const [order] = await liveCodes();
    const code = await world.service.codeOf(order!);
    const preview = await desk.call('redemption.verify', { code, storeId: 'ST-01' });
    expect(preview).toMatchObject({ ok: true, value: { orderNo: order!.orderNo, usesLeft: 1 } });
    if (preview.ok) expect((preview.value as { buyerPhone: string }).buyerPhone).toMatch(/\*{4}/);
    expect(await redeem(desk, code)).toMatchObject({ outcome: 'confirmed', orderNo: order!.orderNo, conflict: null });
    expect(localOrders(desk).get(order!.orderNo)).toMatchObject({ status: 'COMPLETED' });
    // The same code again is refused on the spot, at the lookup as at the confirmation.
    expect(await desk.call('redemption.verify', { code, storeId: 'ST-01' })).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'CODE_USED_UP' },
    });
    expect(await desk.call('redemption.redeem', { code, storeId: 'ST-01' })).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'CODE_USED_UP' },
    });
    await expectConverged(desk, world.service, 'clerk1');
  });

  it('finds the order a code can still redeem when a used-up older order has the same six digits', async () => {
    const desk = await counter();
    const [live] = await liveCodes();
    const db = desk.db();
    // The service reissues the digits of a code once it is used up; this desk still holds the old order.
    const used = db
      .prepare(
        `SELECT o.order_no AS orderNo FROM redemption_codes c JOIN orders o ON o.id = c.order_id
         WHERE c.uses_left = 0 AND o.order_no <> ? LIMIT 1`,
      )
      .get(live!.orderNo) as { orderNo: string };
    expect(used).toBeDefined();
    desk.tamper(
      `UPDATE redemption_codes SET code = (SELECT c.code FROM redemption_codes c JOIN orders o ON o.id = c.order_id
       WHERE o.order_no = ?) WHERE order_id = (SELECT id FROM orders WHERE order_no = ?)`,
      live!.orderNo,
      used.orderNo,
    );
    const code = await world.service.codeOf(live!);
    expect(await desk.call('redemption.verify', { code, storeId: 'ST-01' })).toMatchObject({
      ok: true,
      value: { orderNo: live!.orderNo, usesLeft: 1 },
    });
    expect(await redeem(desk, code)).toMatchObject({ outcome: 'confirmed', orderNo: live!.orderNo });
  });

  it('refuses a wrong code, and stops a clerk who keeps guessing', async () => {
    const desk = await counter();
    for (let i = 0; i < 10; i++) {
      expect(await desk.call('redemption.verify', { code: String(100000 + i), storeId: 'ST-01' })).toMatchObject({
        ok: false,
        error: { reason: 'CODE_NOT_FOUND' },
      });
    }
    const [order] = await liveCodes();
    expect(
      await desk.call('redemption.verify', { code: await world.service.codeOf(order!), storeId: 'ST-01' }),
    ).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  for (const firstToSync of ['east', 'west'] as const) {
    it(`3. two offline counters redeem one code; ${firstToSync} syncs first and wins, the other is flagged with who, where and when`, async () => {
      const east = await counter();
      const west = await counter();
      const [order] = await liveCodes();
      const code = await world.service.codeOf(order!);
      await world.proxy.refuse();
      expect(await redeem(east, code, 'ST-01')).toMatchObject({ outcome: 'provisional' });
      world.service.clock.advance(60_000);
      expect(await redeem(west, code, 'ST-02')).toMatchObject({ outcome: 'provisional' });
      await world.proxy.restore();
      const [winner, loser] = firstToSync === 'east' ? [east, west] : [west, east];
      expect(await winner.sync()).toMatchObject({ queued: 0, exceptions: 0 });
      expect(await loser.sync()).toMatchObject({ queued: 0, exceptions: 1 });

      const inbox = await loser.call('exceptions.list');
      expect(inbox.ok).toBe(true);
      const [flagged] = inbox.ok ? (inbox.value as Array<{ code: string; answer: { conflict: unknown } }>) : [];
      expect(flagged).toMatchObject({
        code: 'ALREADY_REDEEMED',
        answer: {
          conflict: {
            redeemedBy: expect.stringContaining('clerk1'),
            storeId: firstToSync === 'east' ? 'ST-01' : 'ST-02',
            redeemedAt: expect.any(Number),
          },
        },
      });
      // Both counters keep their record: one confirmed, one rejected.
      const states = (desk: TestDesk) => desk.db().prepare('SELECT state FROM redemptions').pluck().all();
      expect(states(winner)).toEqual(['confirmed']);
      expect(states(loser)).toEqual(['rejected']);
      await expectEachIntentOnce([east, west], world.service);
      await expectConverged(east, world.service, 'clerk1');
      await expectConverged(west, world.service, 'clerk1');
    });
  }

  it('dismisses a flagged redemption from the inbox with a reason, and it leaves the count', async () => {
    const a = await counter();
    const b = await counter();
    const [order] = await liveCodes();
    const code = await world.service.codeOf(order!);
    await world.proxy.refuse();
    await redeem(a, code);
    await redeem(b, code);
    await world.proxy.restore();
    await a.sync();
    expect(await b.sync()).toMatchObject({ exceptions: 1 });
    const [item] = ((await b.call('exceptions.list')) as { ok: true; value: Array<{ id: string }> }).value;
    expect(await b.call('exceptions.dismiss', { id: item!.id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await b.call('exceptions.dismiss', { id: item!.id, reason: '顾客已在其他门店使用，已告知' })).toEqual({
      ok: true,
      value: {},
    });
    expect((await b.status()).exceptions).toBe(0);
    expect(await b.call('exceptions.list')).toEqual({ ok: true, value: [] });
  });
});
