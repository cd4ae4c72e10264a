import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { BatchRowResult } from '../../../src/shared/contract/shipping';
import { expectConverged, serviceOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';
import { act, sfNumber, unitsOwed, waitingToShip } from './fixtures';

describe('shipping from the warehouse desk', () => {
  const world = useDeskWorld({ demoOrders: 600 });

  it('ships an order in two parcels that leave something behind (待发货), then the rest (待收货)', async () => {
    const desk = await world.desk('warehouse1');
    const order = (await waitingToShip(world.service)).find((o) => o.lines.length >= 2 && unitsOwed(o) >= 3)!;
    expect(order).toBeDefined();
    const [first, second] = order.lines;
    const [parcelA, parcelB, parcelC] = [sfNumber(), sfNumber(), sfNumber()];

    const partly = await act(desk, 'orders.ship', {
      orderNo: order.orderNo,
      parcels: [
        { carrier: 'SF', trackingNo: parcelA, lines: [{ lineNo: first!.lineNo, quantity: first!.quantity }] },
        { carrier: 'SF', trackingNo: parcelB, lines: [{ lineNo: second!.lineNo, quantity: 1 }] },
      ],
    });
    expect(partly).toMatchObject({ status: 'PENDING_SHIPMENT', pendingSync: 1 });
    expect(partly.waybills.map((w) => w.trackingNo)).toEqual([parcelA, parcelB]);
    await desk.sync();

    const atService = (await serviceOrders(world.service, 'warehouse1')).get(order.orderNo)!;
    expect(atService.status).toBe('PENDING_SHIPMENT');
    expect(atService.waybills.map((w) => [w.trackingNo, w.lines])).toEqual([
      [parcelA, [{ lineNo: first!.lineNo, quantity: first!.quantity }]],
      [parcelB, [{ lineNo: second!.lineNo, quantity: 1 }]],
    ]);

    const rest = partly.lines
      .map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.shippedQuantity - l.refundedQuantity }))
      .filter((l) => l.quantity > 0);
    const done = await act(desk, 'orders.ship', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: parcelC, lines: rest }],
    });
    expect(done.status).toBe('PENDING_RECEIPT');
    await desk.sync();
    const shipped = (await serviceOrders(world.service, 'warehouse1')).get(order.orderNo)!;
    expect(shipped.status).toBe('PENDING_RECEIPT');
    expect(shipped.waybills).toHaveLength(3);
    expect(shipped.timeline.filter((e) => e.action === 'SHIP').map((e) => e.detail)).toEqual([
      expect.stringContaining('（部分发货）'),
      expect.not.stringContaining('部分发货'),
    ]);
    await expectConverged(desk, world.service, 'warehouse1');
  });

  it('refuses to ship a locked order, and ships it once unlocked; notes go on a locked order', async () => {
    const desk = await world.desk('warehouse1');
    const [order] = await waitingToShip(world.service);
    const whole = order!.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
    const ship = { orderNo: order!.orderNo, parcels: [{ carrier: 'SF', trackingNo: sfNumber(), lines: whole }] };
    await act(desk, 'orders.lock', { orderNo: order!.orderNo, reason: '买家来电要求改地址' });
    await act(desk, 'orders.note', { orderNo: order!.orderNo, text: '已联系买家，等待新地址' });
    expect(await desk.call('orders.ship', ship)).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'ORDER_LOCKED' },
    });
    await desk.sync();
    const locked = (await serviceOrders(world.service, 'warehouse1')).get(order!.orderNo)!;
    expect(locked).toMatchObject({ locked: true, lockReason: '买家来电要求改地址' });
    expect(locked.timeline.at(-1)).toMatchObject({ action: 'NOTE', detail: expect.stringContaining('等待新地址') });

    await act(desk, 'orders.unlock', { orderNo: order!.orderNo });
    expect(await act(desk, 'orders.ship', ship)).toMatchObject({ status: 'PENDING_RECEIPT', locked: false });
    await desk.sync();
    await expectConverged(desk, world.service, 'warehouse1');
  });

  it('refuses a waybill already on another order: at once on this desk, after sync when another desk used it', async () => {
    const [deskA, deskB] = [await world.desk('warehouse1'), await world.desk('warehouse1')];
    const [first, second, third] = await waitingToShip(world.service);
    const label = sfNumber();
    const shipWith = (order: OrderRecord, trackingNo: string) => ({
      orderNo: order.orderNo,
      parcels: [
        { carrier: 'SF', trackingNo, lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })) },
      ],
    });
    await act(deskA, 'orders.ship', shipWith(first!, label));
    // The same label scanned onto the next order on this desk: refused before anything is queued.
    expect(await deskA.call('orders.ship', shipWith(second!, label.toLowerCase()))).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'TRACKING_IN_USE', params: { orderNo: first!.orderNo } },
    });
    // Desk B has not heard of desk A's parcel yet; the service, reached second, refuses it.
    await act(deskB, 'orders.ship', shipWith(third!, label));
    await deskA.sync();
    await deskB.sync();
    const atService = await serviceOrders(world.service, 'warehouse1');
    expect(atService.get(first!.orderNo)!.waybills.map((w) => w.trackingNo)).toEqual([label]);
    expect(atService.get(third!.orderNo)).toMatchObject({ status: 'PENDING_SHIPMENT', waybills: [] });
    const inbox = await deskB.call('exceptions.list', {});
    expect(inbox).toMatchObject({
      ok: true,
      value: [expect.objectContaining({ type: 'SHIP', code: 'TRACKING_IN_USE' })],
    });
    await expectConverged(deskB, world.service, 'warehouse1');
  });

  it('previews a batch file row by row and ships only the good rows, each whole in one parcel', async () => {
    const desk = await world.desk('warehouse1');
    const [a, b, locked] = await waitingToShip(world.service);
    await act(desk, 'orders.lock', { orderNo: locked!.orderNo, reason: '地址待核实' });
    const [numberA, numberB] = [sfNumber(), sfNumber()];
    const csv = [
      '\uFEFF订单号,快递公司,运单号',
      `${a!.orderNo},顺丰速运,${numberA}`,
      `${b!.orderNo},SF,${numberB.toLowerCase()}`,
      `${locked!.orderNo},SF,${sfNumber()}`,
      `M0000000000-9,SF,${sfNumber()}`,
      `${a!.orderNo},YTO,12345`,
      `${b!.orderNo},SF,${numberA}`,
    ].join('\r\n');

    const preview = await desk.call('shipping.previewBatch', { csv });
    const rows = (preview.ok ? (preview.value as { rows: BatchRowResult[] }).rows : []).map((r) => [r.line, r.error]);
    expect(rows).toEqual([
      [2, null],
      [3, null],
      [4, 'ORDER_LOCKED'],
      [5, 'ORDER_NOT_FOUND'],
      [6, 'TRACKING_FORMAT'],
      [7, 'DUPLICATE_ORDER_IN_FILE'],
    ]);
    // A preview changes nothing.
    expect(await act(desk, 'orders.detail', { orderNo: a!.orderNo })).toMatchObject({ pendingSync: 0 });

    const applied = await desk.call('shipping.applyBatch', { csv });
    const results = applied.ok ? (applied.value as { rows: BatchRowResult[] }).rows : [];
    expect(results.filter((r) => r.shipped).map((r) => r.orderNo)).toEqual([a!.orderNo, b!.orderNo]);
    await desk.sync();
    const atService = await serviceOrders(world.service, 'warehouse1');
    for (const [order, trackingNo] of [
      [a!, numberA],
      [b!, numberB],
    ] as const) {
      const shipped = atService.get(order.orderNo)!;
      expect(shipped.status).toBe('PENDING_RECEIPT');
      expect(shipped.waybills.map((w) => w.trackingNo)).toEqual([trackingNo]);
      expect(shipped.waybills[0]!.lines.reduce((n, l) => n + l.quantity, 0)).toBe(unitsOwed(order));
    }
    expect(atService.get(locked!.orderNo)!.status).toBe('PENDING_SHIPMENT');

    // The same file again: every row is now refused, the numbers already in use.
    const again = await desk.call('shipping.previewBatch', { csv });
    const second = again.ok ? (again.value as { rows: BatchRowResult[] }).rows : [];
    expect(second.slice(0, 2).map((r) => [r.error, r.heldBy])).toEqual([
      ['TRACKING_IN_USE', a!.orderNo],
      ['TRACKING_IN_USE', b!.orderNo],
    ]);
    await expectConverged(desk, world.service, 'warehouse1');
  });

  it('a role that does not ship cannot batch-ship', async () => {
    const desk = await world.desk('service1');
    expect(await desk.call('shipping.previewBatch', { csv: 'x,SF,SF1234567890123' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
  });
});
