import { describe, expect, it } from 'vitest';
import type { ShiftList } from '../../../src/shared/contract/api';
import { localOrders, serviceOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';
import { liveCodes as liveCodesOf, redeem } from './fixtures';

describe('the shift list and a supervisor undoing a redemption', () => {
  const world = useDeskWorld({ demoOrders: 1500 });
  const deskOf = (user: string) => world.desk(user);
  const liveCodes = () => liveCodesOf(world.service);

  it("lists the clerk's redemptions with totals; a clerk may not undo", async () => {
    const desk = await deskOf('clerk1');
    const [a, b] = await liveCodes();
    const first = await redeem(desk, await world.service.codeOf(a!));
    const second = await redeem(desk, await world.service.codeOf(b!), 'ST-02');
    const shift = await desk.call('redemption.shift', {});
    expect(shift.ok).toBe(true);
    const list = (shift as { value: ShiftList }).value;
    expect(list.rows.map((r) => r.redemptionId)).toEqual([second.redemptionId, first.redemptionId]);
    expect(list.rows[0]).toMatchObject({
      orderNo: b!.orderNo,
      storeId: 'ST-02',
      clerk: 'clerk1',
      state: 'confirmed',
      payable: b!.amounts.payable,
      undoable: false,
    });
    expect(list.rows[0]!.items).toContain(b!.lines[0]!.name);
    expect(list.totals).toEqual({ count: 2, payable: a!.amounts.payable + b!.amounts.payable });
    // A clerk's shift is this desk's own; it never asks the service for the store's.
    expect(list).toMatchObject({ coverage: 'desk', unavailable: null });
    // The used code tells who, where and when.
    expect(
      await desk.call('redemption.lastUse', { code: await world.service.codeOf(a!), storeId: 'ST-01' }),
    ).toMatchObject({
      ok: true,
      value: { redeemedBy: 'clerk1', storeId: 'ST-01' },
    });
    // An empty range gives nothing.
    const none = await desk.call('redemption.shift', { from: 0, to: 1 });
    expect(none).toMatchObject({ ok: true, value: { rows: [], totals: { count: 0, payable: 0 } } });
    expect(
      await desk.call('redemption.undo', { orderNo: a!.orderNo, redemptionId: first.redemptionId, reason: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });

  it('undoes a redemption within its window: the order waits for redemption again', async () => {
    const desk = await deskOf('admin');
    const [order] = await liveCodes();
    const done = await redeem(desk, await world.service.codeOf(order!));
    expect(done.outcome).toBe('confirmed');
    const before = (await desk.call('redemption.shift', {})) as { ok: true; value: ShiftList };
    expect(before.value.rows.find((r) => r.redemptionId === done.redemptionId)?.undoable).toBe(true);
    const undo = await desk.call('redemption.undo', {
      orderNo: order!.orderNo,
      redemptionId: done.redemptionId,
      reason: '顾客未到店，误核销',
    });
    expect(undo.ok).toBe(true);
    expect(localOrders(desk).get(order!.orderNo)).toMatchObject({ status: 'PENDING_REDEMPTION' });
    await desk.sync();
    expect((await serviceOrders(world.service, 'admin')).get(order!.orderNo)).toMatchObject({
      status: 'PENDING_REDEMPTION',
      redemptionCode: { usesLeft: 1 },
    });
    const after = (await desk.call('redemption.shift', {})) as { ok: true; value: ShiftList };
    expect(after.value.rows.find((r) => r.redemptionId === done.redemptionId)?.undoable).toBe(false);
  });

  it('refuses an undo once the window has passed', async () => {
    const desk = await deskOf('admin');
    const [order] = await liveCodes();
    const done = await redeem(desk, await world.service.codeOf(order!));
    desk.tamper(
      'UPDATE redemptions SET redeemed_at = redeemed_at - ? WHERE intent_id = ?',
      30 * 86_400_000,
      done.redemptionId,
    );
    expect(
      await desk.call('redemption.undo', {
        orderNo: order!.orderNo,
        redemptionId: done.redemptionId,
        reason: '太晚了',
      }),
    ).toMatchObject({ ok: false, error: { code: 'ACTION_REFUSED', reason: 'UNDO_WINDOW_PASSED' } });
  });

  it('shows a supervisor every redemption of their stores today with their desk’s unsynced ones; they undo another desk’s', async () => {
    const clerk = await deskOf('clerk1');
    const supervisor = await deskOf('admin');
    const since = world.service.clock.advance(60_000);
    const shiftOf = async () =>
      ((await supervisor.call('redemption.shift', { from: since })) as { value: ShiftList }).value;
    const [a, b, c] = await liveCodes();
    const first = await redeem(clerk, await world.service.codeOf(a!), 'ST-01');
    const second = await redeem(clerk, await world.service.codeOf(b!), 'ST-02');

    // Offline, the supervisor's desk says the stores' list cannot be read, and redeems provisionally.
    await world.proxy.refuse();
    expect(await shiftOf()).toEqual({
      rows: [],
      totals: { count: 0, payable: 0 },
      coverage: 'desk-only',
      unavailable: 'OFFLINE',
    });
    const mine = await redeem(supervisor, await world.service.codeOf(c!), 'ST-01');
    expect(mine.outcome).toBe('provisional');

    // Back online, before its own redemption is synced: the clerk's two from the service, and its own.
    await world.proxy.restore();
    const stores = await shiftOf();
    expect(stores).toMatchObject({ coverage: 'stores', unavailable: null });
    const byId = new Map(stores.rows.map((r) => [r.redemptionId, r]));
    expect([...byId.keys()].sort()).toEqual([first.redemptionId, second.redemptionId, mine.redemptionId].sort());
    expect(byId.get(second.redemptionId)).toMatchObject({
      orderNo: b!.orderNo,
      storeId: 'ST-02',
      clerk: 'clerk1',
      state: 'confirmed',
      payable: b!.amounts.payable,
      undoable: true,
    });
    expect(byId.get(second.redemptionId)!.items).toContain(`${b!.lines[0]!.name} ×${b!.lines[0]!.quantity}`);
    expect(byId.get(mine.redemptionId)).toMatchObject({ state: 'provisional', clerk: 'admin', orderNo: c!.orderNo });
    const all = a!.amounts.payable + b!.amounts.payable + c!.amounts.payable;
    expect(stores.totals).toEqual({ count: 3, payable: all });

    // The clerk's redemption is undone from the supervisor's desk; its own one syncs on the way.
    await supervisor.sync();
    const undo = await supervisor.call('redemption.undo', {
      orderNo: a!.orderNo,
      redemptionId: first.redemptionId,
      reason: '顾客未到店，误核销',
    });
    expect(undo.ok).toBe(true);
    await supervisor.sync();
    expect((await serviceOrders(world.service, 'admin')).get(a!.orderNo)).toMatchObject({
      status: 'PENDING_REDEMPTION',
      redemptionCode: { usesLeft: 1 },
    });
    const after = await shiftOf();
    expect(after.rows.find((r) => r.redemptionId === first.redemptionId)).toMatchObject({
      state: 'undone',
      undoable: false,
    });
    expect(after.rows.find((r) => r.redemptionId === mine.redemptionId)?.state).toBe('confirmed');
    expect(after.totals).toEqual({ count: 2, payable: all - a!.amounts.payable });
  });
});
