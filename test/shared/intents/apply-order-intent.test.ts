import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { demoCodeOf } from '../../../src/shared/demo/codes';
import { INTENT_TYPES, type Intent } from '../../../src/shared/contract/sync';
import { STORES } from '../../../src/shared/demo/places';
import {
  applyOrderIntent,
  applyShip,
  factsOf,
  ORDER_INTENT_APPLIERS,
  orderStateOf,
  type ApplyContext,
} from '../../../src/shared/intents';
import { demoOrder, demoState, desk, intent, lastEntry, later, ok, untouchedToShip } from './fixtures';

const order = demoState(
  'paid physical order of several units',
  (o) => untouchedToShip(o) && o.lines.reduce((n, l) => n + l.quantity, 0) >= 2,
);
const { orderNo } = order.record;
const [first] = order.record.lines;
const oneUnit = [{ lineNo: first!.lineNo, quantity: 1 }];
const everythingElse = order.record.lines
  .map((l) => ({ lineNo: l.lineNo, quantity: l === first ? l.quantity - 1 : l.quantity }))
  .filter((l) => l.quantity > 0);

/** What a device shows: the service's latest record with its unanswered intents on top, oldest first. */
function shown(base: OrderRecord, pending: readonly Intent[], ctx: ApplyContext) {
  return pending.reduce(
    (acc, queued) => {
      const result = applyOrderIntent(orderStateOf(acc.record), queued, { ...ctx, now: queued.clientTime });
      return result.ok
        ? { record: result.state.record, refused: acc.refused }
        : { ...acc, refused: [...acc.refused, result.code] };
    },
    { record: base, refused: [] as string[] },
  );
}

describe('applyOrderIntent', () => {
  it('has an applier for every intent that changes an order, and none for creating one', () => {
    expect(Object.keys(ORDER_INTENT_APPLIERS).sort()).toEqual(
      INTENT_TYPES.filter((t) => t !== 'CREATE_DEALER_ORDER').sort(),
    );
  });

  it('shows a queued SHIP at once, exactly as the service will apply it', () => {
    const payload = { orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: oneUnit }] };
    const queued = intent('SHIP', payload);
    expect(applyOrderIntent(order, queued, desk)).toEqual(applyShip(order, payload, desk));
    expect(applyOrderIntent(order, queued, desk)).toEqual(applyOrderIntent(order, queued, desk));
  });

  it('refuses CREATE_DEALER_ORDER: it makes an order rather than changing one', () => {
    const create = { type: 'CREATE_DEALER_ORDER', id: 'x', seq: 1, clientTime: 0, payload: {} } as unknown as Intent;
    expect(applyOrderIntent(order, create, desk)).toMatchObject({ ok: false, code: 'NOT_AN_ORDER_INTENT' });
  });

  it('refuses an intent about another order', () => {
    const other = intent('NOTE', { orderNo: 'M250101000000000101', text: '备注' });
    expect(applyOrderIntent(order, other, desk)).toMatchObject({ ok: false, code: 'ORDER_MISMATCH' });
  });

  it('names a redemption by its intent id and its counter by the store’s name', () => {
    const service = demoState(
      'unused service order',
      (o) => o.status === 'PENDING_REDEMPTION' && !o.locked && o.afterSales.length === 0,
    );
    const redeem = intent('REDEEM', {
      code: demoCodeOf(service.record)!,
      storeId: 'ST-02',
      redeemedAt: desk.now,
    });
    const storeName = (id: string) => STORES.find((s) => s.id === id)?.name;
    const named = ok(applyOrderIntent(service, redeem, { ...desk, storeName }));
    expect(lastEntry(named)?.detail).toMatch(new RegExp(`^徐汇店 核销 1 次，剩余 \\d+ 次（核销记录 ${redeem.id}）$`));
    const unnamed = ok(applyOrderIntent(service, redeem, desk));
    expect(lastEntry(unnamed)?.detail).toMatch(/^ST-02 核销/);
  });
});

describe('unanswered intents over newer records from the service', () => {
  const mine = { ...desk, actor: 'warehouse:liu.qiang', device: 'DEV-0043' };
  const queued = [
    intent('NOTE', { orderNo, text: '包装破损，已换箱' }, mine.now),
    intent(
      'SHIP',
      { orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: oneUnit }] },
      mine.now + 1,
    ),
  ];

  it('re-applies them oldest first on top of what another desk did meanwhile', () => {
    const otherDesk = later(desk, -60_000);
    const pulled = ok(
      applyShip(
        order,
        { orderNo, parcels: [{ carrier: 'ZTO', trackingNo: '75312345678901', lines: everythingElse }] },
        otherDesk,
      ),
    ).record;
    const view = shown(pulled, queued, mine);
    expect(view.refused).toEqual([]);
    expect(view.record.status).toBe('PENDING_RECEIPT');
    expect(view.record.waybills.map((w) => w.id)).toEqual([`${orderNo}-W1`, `${orderNo}-W2`]);
    expect(view.record.timeline.slice(-3).map((e) => [e.action, e.device])).toEqual([
      ['SHIP', 'DEV-0042'],
      ['NOTE', 'DEV-0043'],
      ['SHIP', 'DEV-0043'],
    ]);
  });

  it('shows the service’s record unchanged where a queued intent no longer applies', () => {
    const lockedMeanwhile = ok(
      ORDER_INTENT_APPLIERS.LOCK(order, { orderNo, reason: '买家要求拦截' }, { ...desk, intentId: 'i' }),
    ).record;
    const view = shown(lockedMeanwhile, queued, mine);
    expect(view.refused).toEqual(['ORDER_LOCKED']);
    expect(view.record.waybills).toEqual([]);
    expect(view.record.timeline.at(-1)?.action).toBe('NOTE');
  });
});

describe('the order state of a bare record', () => {
  it('reads a receipt extension from the timeline, since the record has no field for it', () => {
    const waiting = demoOrder(
      'physical order awaiting receipt',
      (o) => o.kind === 'PHYSICAL' && o.status === 'PENDING_RECEIPT',
    );
    expect(factsOf(orderStateOf(waiting)).receiptExtended).toBe(false);
    const extended: OrderRecord = {
      ...waiting,
      timeline: [
        ...waiting.timeline,
        {
          at: desk.now,
          actor: `buyer:${waiting.buyer.id}`,
          device: 'APP',
          action: 'EXTEND_RECEIPT',
          detail: '买家延长收货',
        },
      ],
    };
    expect(orderStateOf(extended).receiptExtended).toBe(true);
    expect(orderStateOf(extended, false).receiptExtended).toBe(false);
  });
});
