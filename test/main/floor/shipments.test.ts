import { describe, expect, it } from 'vitest';
import type { LabelToPrint, ScanResult, VerifyState } from '../../../src/shared/contract/floor';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { getOrder, placePaid, SELF, buyerNear, sku } from '../../server/helpers';
import type { TestDesk } from '../../support/desk';
import { useDeskWorld } from '../../support/world';
import { act, sfNumber } from '../shipping/fixtures';

async function value<T>(desk: TestDesk, procedure: string, input: unknown): Promise<T> {
  const result = await desk.call(procedure, input);
  if (!result.ok) throw new Error(`${procedure}: ${result.error.code} ${result.error.reason ?? result.error.message}`);
  return result.value as T;
}

describe('拆单 and 合单 at the warehouse desk', () => {
  const world = useDeskWorld({ demoOrders: 0 });

  /** Two paid orders of one Shanghai buyer, to the same address: what a shop gets when a buyer orders twice. */
  async function sameBuyerTwice(): Promise<[OrderRecord, OrderRecord]> {
    const admin = await world.service.login('admin');
    const buyerIndex = buyerNear('WH-SH');
    const order = async (nth: number) =>
      (
        await placePaid(admin, {
          lines: [
            { sku: sku('PHYSICAL', { merchantId: SELF, nth }), quantity: 2 },
            { sku: sku('PHYSICAL', { merchantId: SELF, nth: nth + 1 }), quantity: 1 },
          ],
          buyerIndex,
        })
      )[0]!;
    return [await order(0), await order(2)];
  }

  it('splits an order into two parcels, ships each under its own label, and the service agrees', async () => {
    const [order] = await sameBuyerTwice();
    const desk = await world.desk('warehouse1');
    const [first, second] = order.lines as [OrderRecord['lines'][0], OrderRecord['lines'][0]];
    const parts = [[{ lineNo: first.lineNo, quantity: 2 }], [{ lineNo: second.lineNo, quantity: 1 }]];
    const split = await act(desk, 'orders.split', { orderNo: order.orderNo, parts });
    expect(split.split!.parts).toEqual(parts.map((lines) => ({ lines, waybillId: null })));
    expect(split.timeline.at(-1)).toMatchObject({ action: 'SPLIT' });

    // One parcel with everything is no part of the split: refused at once, nothing queued.
    const whole = await desk.call('orders.ship', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfNumber(), lines: [...parts[0]!, ...parts[1]!] }],
    });
    expect(whole).toMatchObject({ ok: false, error: { code: 'ACTION_REFUSED', reason: 'NOT_A_SPLIT_PART' } });

    for (const part of parts)
      await act(desk, 'orders.ship', {
        orderNo: order.orderNo,
        parcels: [{ carrier: 'SF', trackingNo: sfNumber(), lines: part }],
      });
    await desk.sync();
    const held = await getOrder(await world.service.login('warehouse1'), order.orderNo);
    expect(held.status).toBe('PENDING_RECEIPT');
    expect(held.split!.parts.map((p) => p.waybillId)).toEqual([`${order.orderNo}-W1`, `${order.orderNo}-W2`]);
    expect(held.waybills.map((w) => w.lines)).toEqual(parts);
  });

  it('verifies a split order part by part and a merge as one parcel at the scanning station', async () => {
    const [order, other] = await sameBuyerTwice();
    const desk = await world.desk('warehouse1');
    const [first, second] = order.lines as [OrderRecord['lines'][0], OrderRecord['lines'][0]];
    await act(desk, 'orders.split', {
      orderNo: order.orderNo,
      parts: [[{ lineNo: first.lineNo, quantity: 2 }], [{ lineNo: second.lineNo, quantity: 1 }]],
    });
    const opened = await value<VerifyState>(desk, 'floor.open', { orderNo: order.orderNo });
    expect(opened.part).toEqual({ no: 1, of: 2 });
    expect(opened.lines.map((l) => [l.lineNo, l.owed])).toEqual([[first.lineNo, 2]]);
    // A unit of the second parcel is one too many in the first.
    const early = await value<ScanResult>(desk, 'floor.scan', { orderNo: order.orderNo, code: second.sku });
    expect(early).toMatchObject({ accepted: false, refusal: 'EXTRA_UNIT' });
    const scanned = await value<ScanResult>(desk, 'floor.scan', {
      orderNo: order.orderNo,
      code: first.sku,
      quantity: 2,
    });
    expect(scanned.state.complete).toBe(true);
    await act(desk, 'orders.ship', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfNumber(), lines: [{ lineNo: first.lineNo, quantity: 2 }] }],
    });
    expect(await value<VerifyState>(desk, 'floor.open', { orderNo: order.orderNo })).toMatchObject({
      part: { no: 2, of: 2 },
      complete: false,
      lines: [{ lineNo: second.lineNo, owed: 1, verified: 0 }],
    });

    // A merge: the other order joins a third of the same buyer; both orders' lines are one parcel.
    const [third] = await sameBuyerTwice();
    await desk.sync();
    await value(desk, 'orders.merge', { orderNos: [other.orderNo, third.orderNo] });
    const merged = await value<VerifyState>(desk, 'floor.open', { orderNo: other.orderNo });
    expect(merged.mergedWith).toEqual([third.orderNo]);
    expect(new Set(merged.lines.map((l) => l.orderNo))).toEqual(new Set([other.orderNo, third.orderNo]));
    for (const line of merged.lines)
      await value(desk, 'floor.scan', { orderNo: other.orderNo, code: line.sku, quantity: line.owed });
    expect((await value<VerifyState>(desk, 'floor.open', { orderNo: third.orderNo })).complete).toBe(true);
  });

  it('merges two orders of one buyer, prints one label for both, ships both under that number', async () => {
    const [a, b] = await sameBuyerTwice();
    const desk = await world.desk('warehouse1');
    // Other orders of this buyer wait too (the world's earlier tests): b is among the candidates.
    const candidates = await value<{ orderNos: string[] }>(desk, 'orders.mergeCandidates', { orderNo: a.orderNo });
    expect(candidates.orderNos).toContain(b.orderNo);
    const merged = await value<{ mergeId: string; orderNos: string[] }>(desk, 'orders.merge', {
      orderNos: [a.orderNo, b.orderNo],
    });
    expect(merged.orderNos).toEqual([a.orderNo, b.orderNo]);
    expect((await act(desk, 'orders.detail', { orderNo: b.orderNo })).merge).toEqual({
      id: merged.mergeId,
      orderNos: [a.orderNo, b.orderNo],
    });

    // Shipped alone, a merged order is refused on the desk already.
    const alone = await desk.call('orders.ship', {
      orderNo: a.orderNo,
      parcels: [
        {
          carrier: 'SF',
          trackingNo: sfNumber(),
          lines: a.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
        },
      ],
    });
    expect(alone).toMatchObject({ ok: false, error: { reason: 'MERGED_ORDER' } });

    // The warehouse's roll of numbers, a block of it on this desk.
    const admin = await world.service.login('admin');
    const pool = await admin.post('/v1/admin/waybill-pools/load', {
      carrier: 'SF',
      warehouseId: 'WH-SH',
      range: { prefix: 'SF', from: 1500000000001, to: 1500000000100 },
    });
    expect(pool.status).toBe(200);
    await value(desk, 'labels.topUp', { carrier: 'SF', warehouseId: 'WH-SH' });
    const label: LabelToPrint = {
      ...(
        await value<{ labels: LabelToPrint[] }>(desk, 'labels.prepare', {
          orderNos: [b.orderNo, a.orderNo],
          carrier: 'SF',
        })
      ).labels[0]!,
    };
    expect(label.order.orderNo).toBe([a.orderNo, b.orderNo].sort()[0]);
    expect(label.mergedWith.map((o) => o.orderNo)).toEqual([[a.orderNo, b.orderNo].sort()[1]]);
    // A reprint from the other order of the merge is the same label.
    const again = await value<{ trackingNo: string }>(desk, 'labels.take', { orderNo: b.orderNo, carrier: 'SF' });
    expect(again.trackingNo).toBe(label.trackingNo);
    const { trackingNo } = label;

    expect(await value(desk, 'orders.shipMerge', { orderNo: b.orderNo, carrier: 'SF', trackingNo })).toEqual({
      orderNos: [a.orderNo, b.orderNo].sort(),
    });
    await desk.sync();
    const warehouse = await world.service.login('warehouse1');
    for (const order of [a, b]) {
      const held = await getOrder(warehouse, order.orderNo);
      expect(held.status).toBe('PENDING_RECEIPT');
      expect(held.waybills.map((w) => w.trackingNo)).toEqual([trackingNo]);
    }
  });

  it('undoes a merge for every order of it, and refuses a merge of different buyers with the service’s code', async () => {
    const [a, b] = await sameBuyerTwice();
    const desk = await world.desk('warehouse1');
    await value(desk, 'orders.merge', { orderNos: [a.orderNo, b.orderNo] });
    expect(await value(desk, 'orders.unmerge', { orderNo: a.orderNo })).toEqual({
      orderNos: [a.orderNo, b.orderNo].sort(),
    });
    expect((await act(desk, 'orders.detail', { orderNo: b.orderNo })).merge).toBeUndefined();
    await desk.sync();
    const held = await getOrder(await world.service.login('warehouse1'), a.orderNo);
    expect(held.merge).toBeUndefined();
    expect(held.timeline.map((t) => t.action).slice(-2)).toEqual(['MERGE', 'UNMERGE']);

    const admin = await world.service.login('admin');
    const [stranger] = await placePaid(admin, {
      lines: [{ sku: sku('PHYSICAL', { merchantId: SELF }), quantity: 1 }],
      buyerIndex: buyerNear('WH-SH') + 1,
    });
    await desk.sync();
    const refused = await desk.call('orders.merge', { orderNos: [a.orderNo, stranger!.orderNo] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ACTION_REFUSED', reason: 'MERGE_MISMATCH' } });
  });
});
