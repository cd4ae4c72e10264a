import { describe, it, expect } from 'vitest';
import {
  apply,
  availableActions,
  decide,
  ORDER_ACTION_TYPES,
  ORDER_TRANSITIONS,
  type OrderAction,
  type OrderActionType,
  type OrderFacts,
} from '../../../src/shared/domain/order-machine';
import { ORDER_KINDS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '../../../src/shared/domain/vocabulary';

const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  kind: 'PHYSICAL',
  status: 'PENDING_SHIPMENT',
  paymentStatus: 'PAID',
  refundStatus: 'NONE',
  locked: false,
  receiptExtended: false,
  openAfterSaleType: null,
  lines: [
    { lineNo: 1, quantity: 2, shippedQuantity: 0, refundedQuantity: 0 },
    { lineNo: 2, quantity: 1, shippedQuantity: 0, refundedQuantity: 0 },
  ],
  ...over,
});

/** A valid instance of each action, and the facts in which its own guards are satisfied. */
const PROBES: Record<OrderActionType, { action: OrderAction; facts?: Partial<OrderFacts> }> = {
  PAY: { action: { type: 'PAY' } },
  SHIP: {
    action: {
      type: 'SHIP',
      lines: [
        { lineNo: 1, quantity: 2 },
        { lineNo: 2, quantity: 1 },
      ],
    },
  },
  CONFIRM_RECEIPT: { action: { type: 'CONFIRM_RECEIPT' } },
  EXTEND_RECEIPT: { action: { type: 'EXTEND_RECEIPT' } },
  CANCEL: { action: { type: 'CANCEL' } },
  REDEEM: { action: { type: 'REDEEM', usesLeftAfter: 0 } },
  UNDO_REDEMPTION: { action: { type: 'UNDO_REDEMPTION' } },
  CLOSE: {
    action: { type: 'CLOSE' },
    facts: {
      lines: [
        { lineNo: 1, quantity: 2, shippedQuantity: 0, refundedQuantity: 2 },
        { lineNo: 2, quantity: 1, shippedQuantity: 0, refundedQuantity: 1 },
      ],
    },
  },
  LOCK: { action: { type: 'LOCK', reason: 'address change requested' } },
  UNLOCK: { action: { type: 'UNLOCK' }, facts: { locked: true } },
  NOTE: { action: { type: 'NOTE', text: 'buyer called' } },
  CHANGE_RECEIVER: { action: { type: 'CHANGE_RECEIVER' } },
};

const SAME = 'SAME';
type Target = OrderStatus | typeof SAME;
/** Written out by hand from domain.md: an action missing for a kind is WRONG_KIND, a status missing is WRONG_STATUS. */
const EXPECTED: Record<OrderKind, Partial<Record<OrderActionType, Partial<Record<OrderStatus, Target>>>>> = {
  PHYSICAL: {
    PAY: { PENDING_PAYMENT: 'PENDING_SHIPMENT' },
    SHIP: { PENDING_SHIPMENT: 'PENDING_RECEIPT' },
    CONFIRM_RECEIPT: { PENDING_RECEIPT: 'COMPLETED' },
    EXTEND_RECEIPT: { PENDING_RECEIPT: SAME },
    CANCEL: { PENDING_PAYMENT: 'CANCELLED' },
    CLOSE: { PENDING_SHIPMENT: 'CLOSED', PENDING_RECEIPT: 'CLOSED', COMPLETED: 'CLOSED' },
    LOCK: { PENDING_PAYMENT: SAME, PENDING_SHIPMENT: SAME, PENDING_RECEIPT: SAME, COMPLETED: SAME },
    UNLOCK: {
      PENDING_PAYMENT: SAME,
      PENDING_SHIPMENT: SAME,
      PENDING_RECEIPT: SAME,
      COMPLETED: SAME,
      CANCELLED: SAME,
      CLOSED: SAME,
    },
    NOTE: {
      PENDING_PAYMENT: SAME,
      PENDING_SHIPMENT: SAME,
      PENDING_RECEIPT: SAME,
      COMPLETED: SAME,
      CANCELLED: SAME,
      CLOSED: SAME,
    },
    CHANGE_RECEIVER: { PENDING_PAYMENT: SAME, PENDING_SHIPMENT: SAME },
  },
  VIRTUAL: {
    PAY: { PENDING_PAYMENT: 'PENDING_RECEIPT' },
    CONFIRM_RECEIPT: { PENDING_RECEIPT: 'COMPLETED' },
    EXTEND_RECEIPT: { PENDING_RECEIPT: SAME },
    CANCEL: { PENDING_PAYMENT: 'CANCELLED' },
    CLOSE: { PENDING_RECEIPT: 'CLOSED', COMPLETED: 'CLOSED' },
    LOCK: { PENDING_PAYMENT: SAME, PENDING_RECEIPT: SAME, COMPLETED: SAME },
    UNLOCK: { PENDING_PAYMENT: SAME, PENDING_RECEIPT: SAME, COMPLETED: SAME, CANCELLED: SAME, CLOSED: SAME },
    NOTE: { PENDING_PAYMENT: SAME, PENDING_RECEIPT: SAME, COMPLETED: SAME, CANCELLED: SAME, CLOSED: SAME },
  },
  SERVICE: {
    PAY: { PENDING_PAYMENT: 'PENDING_REDEMPTION' },
    CANCEL: { PENDING_PAYMENT: 'CANCELLED' },
    REDEEM: { PENDING_REDEMPTION: 'COMPLETED' },
    UNDO_REDEMPTION: { COMPLETED: 'PENDING_REDEMPTION', PENDING_REDEMPTION: 'PENDING_REDEMPTION' },
    CLOSE: { PENDING_REDEMPTION: 'CLOSED', COMPLETED: 'CLOSED' },
    LOCK: { PENDING_PAYMENT: SAME, PENDING_REDEMPTION: SAME, COMPLETED: SAME },
    UNLOCK: { PENDING_PAYMENT: SAME, PENDING_REDEMPTION: SAME, COMPLETED: SAME, CANCELLED: SAME, CLOSED: SAME },
    NOTE: { PENDING_PAYMENT: SAME, PENDING_REDEMPTION: SAME, COMPLETED: SAME, CANCELLED: SAME, CLOSED: SAME },
  },
};

const combos = ORDER_KINDS.flatMap((kind) =>
  ORDER_STATUSES.flatMap((status) => ORDER_ACTION_TYPES.map((action) => [kind, status, action] as const)),
);

describe('the order transition table, every (kind, status, action)', () => {
  it.each(combos)('%s order in %s: %s', (kind, status, type) => {
    const probe = PROBES[type];
    const facts = order({ kind, status, ...probe.facts });
    const byKind = EXPECTED[kind][type];
    const target = byKind?.[status];
    const result = apply(facts, probe.action);
    if (!byKind) {
      expect(result).toEqual({ ok: false, code: 'WRONG_KIND' });
    } else if (target === undefined) {
      expect(result).toEqual({ ok: false, code: 'WRONG_STATUS' });
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.facts.status).toBe(target === SAME ? status : target);
    }
    expect(decide(facts, probe.action).ok).toBe(result.ok);
  });

  it('has a row for every action', () => {
    const actions = new Set(ORDER_TRANSITIONS.map((t) => t.action));
    expect([...actions].sort()).toEqual([...ORDER_ACTION_TYPES].sort());
  });
});

describe('paying', () => {
  it('marks a physical order paid and waiting for shipment', () => {
    const r = apply(order({ status: 'PENDING_PAYMENT', paymentStatus: 'UNPAID' }), { type: 'PAY' });
    expect(r).toEqual({ ok: true, facts: order({ status: 'PENDING_SHIPMENT', paymentStatus: 'PAID' }) });
  });

  it('delivers a virtual order with the payment: straight to awaiting receipt, no shipping', () => {
    const r = apply(order({ kind: 'VIRTUAL', status: 'PENDING_PAYMENT', paymentStatus: 'UNPAID' }), { type: 'PAY' });
    expect(r.ok && r.facts.status).toBe('PENDING_RECEIPT');
  });

  it('issues the code of a service order with the payment: awaiting redemption', () => {
    const r = apply(order({ kind: 'SERVICE', status: 'PENDING_PAYMENT', paymentStatus: 'UNPAID' }), { type: 'PAY' });
    expect(r.ok && r.facts).toMatchObject({ status: 'PENDING_REDEMPTION', paymentStatus: 'PAID' });
  });

  it('records a payment that arrives for a locked order, because the money has moved', () => {
    const r = apply(order({ status: 'PENDING_PAYMENT', paymentStatus: 'UNPAID', locked: true }), { type: 'PAY' });
    expect(r.ok && r.facts).toMatchObject({ status: 'PENDING_SHIPMENT', locked: true });
  });

  it('refuses to pay an order twice', () => {
    expect(decide(order(), { type: 'PAY' })).toEqual({ ok: false, code: 'WRONG_STATUS' });
  });
});

describe('shipping', () => {
  it('keeps a partially shipped order in 待发货', () => {
    const r = apply(order(), { type: 'SHIP', lines: [{ lineNo: 1, quantity: 1 }] });
    expect(r.ok && r.facts.status).toBe('PENDING_SHIPMENT');
    expect(r.ok && r.facts.lines.map((l) => l.shippedQuantity)).toEqual([1, 0]);
  });

  it('moves to 待收货 when the remainder is shipped', () => {
    const first = apply(order(), { type: 'SHIP', lines: [{ lineNo: 1, quantity: 1 }] });
    if (!first.ok) throw new Error(first.code);
    const second = apply(first.facts, {
      type: 'SHIP',
      lines: [
        { lineNo: 2, quantity: 1 },
        { lineNo: 1, quantity: 1 },
      ],
    });
    expect(second.ok && second.facts.status).toBe('PENDING_RECEIPT');
    expect(second.ok && second.facts.lines.map((l) => l.shippedQuantity)).toEqual([2, 1]);
  });

  it('adds up a line listed twice in one parcel', () => {
    const r = apply(order(), {
      type: 'SHIP',
      lines: [
        { lineNo: 1, quantity: 1 },
        { lineNo: 1, quantity: 1 },
      ],
    });
    expect(r.ok && r.facts.lines[0]?.shippedQuantity).toBe(2);
  });

  it('does not owe refunded units: shipping the rest completes the shipment', () => {
    const facts = order({
      lines: [
        { lineNo: 1, quantity: 2, shippedQuantity: 0, refundedQuantity: 1 },
        { lineNo: 2, quantity: 1, shippedQuantity: 0, refundedQuantity: 1 },
      ],
    });
    const r = apply(facts, { type: 'SHIP', lines: [{ lineNo: 1, quantity: 1 }] });
    expect(r.ok && r.facts.status).toBe('PENDING_RECEIPT');
  });

  it('refuses to ship more than remains', () => {
    const facts = order({
      lines: [
        { lineNo: 1, quantity: 2, shippedQuantity: 1, refundedQuantity: 0 },
        { lineNo: 2, quantity: 1, shippedQuantity: 0, refundedQuantity: 0 },
      ],
    });
    expect(decide(facts, { type: 'SHIP', lines: [{ lineNo: 1, quantity: 2 }] })).toEqual({
      ok: false,
      code: 'QUANTITY_EXCEEDS_REMAINING',
    });
  });

  it('refuses to ship a line twice over by splitting it within the parcel', () => {
    const action: OrderAction = {
      type: 'SHIP',
      lines: [
        { lineNo: 2, quantity: 1 },
        { lineNo: 2, quantity: 1 },
      ],
    };
    expect(decide(order(), action)).toEqual({ ok: false, code: 'QUANTITY_EXCEEDS_REMAINING' });
  });

  it('refuses refunded units', () => {
    const facts = order({
      lines: [
        { lineNo: 1, quantity: 2, shippedQuantity: 0, refundedQuantity: 2 },
        { lineNo: 2, quantity: 1, shippedQuantity: 0, refundedQuantity: 0 },
      ],
    });
    expect(decide(facts, { type: 'SHIP', lines: [{ lineNo: 1, quantity: 1 }] })).toEqual({
      ok: false,
      code: 'QUANTITY_EXCEEDS_REMAINING',
    });
  });

  it('refuses an empty parcel', () => {
    expect(decide(order(), { type: 'SHIP', lines: [] })).toEqual({ ok: false, code: 'NOTHING_TO_SHIP' });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a quantity of %s', (quantity) => {
    expect(decide(order(), { type: 'SHIP', lines: [{ lineNo: 1, quantity }] })).toEqual({
      ok: false,
      code: 'QUANTITY_INVALID',
    });
  });

  it('refuses a line the order does not have', () => {
    expect(decide(order(), { type: 'SHIP', lines: [{ lineNo: 9, quantity: 1 }] })).toEqual({
      ok: false,
      code: 'UNKNOWN_LINE',
    });
  });

  it('gives the same refusal whatever order the items are listed in', () => {
    const bad = [
      { lineNo: 9, quantity: 1 },
      { lineNo: 1, quantity: 0 },
    ];
    expect(decide(order(), { type: 'SHIP', lines: bad })).toEqual({ ok: false, code: 'QUANTITY_INVALID' });
    expect(decide(order(), { type: 'SHIP', lines: [...bad].reverse() })).toEqual({
      ok: false,
      code: 'QUANTITY_INVALID',
    });
  });

  it('refuses to ship an order with nothing left to ship', () => {
    const facts = order({ lines: [{ lineNo: 1, quantity: 1, shippedQuantity: 0, refundedQuantity: 1 }] });
    expect(availableActions(facts).find((a) => a.action === 'SHIP')?.decision).toEqual({
      ok: false,
      code: 'NOTHING_TO_SHIP',
    });
  });

  it('refuses to ship a service order', () => {
    expect(decide(order({ kind: 'SERVICE', status: 'PENDING_REDEMPTION' }), PROBES.SHIP.action)).toEqual({
      ok: false,
      code: 'WRONG_KIND',
    });
  });

  it('refuses to ship a virtual order: it was delivered with the payment', () => {
    expect(decide(order({ kind: 'VIRTUAL', status: 'PENDING_RECEIPT' }), PROBES.SHIP.action)).toEqual({
      ok: false,
      code: 'WRONG_KIND',
    });
  });
});

describe('locks', () => {
  const locked = order({ locked: true });

  it('refuses to ship a locked order', () => {
    expect(decide(locked, PROBES.SHIP.action)).toEqual({ ok: false, code: 'ORDER_LOCKED' });
  });

  it.each<[string, OrderFacts, OrderAction]>([
    ['cancel', order({ status: 'PENDING_PAYMENT', locked: true }), { type: 'CANCEL' }],
    ['confirm receipt of', order({ status: 'PENDING_RECEIPT', locked: true }), { type: 'CONFIRM_RECEIPT' }],
    ['extend receipt of', order({ status: 'PENDING_RECEIPT', locked: true }), { type: 'EXTEND_RECEIPT' }],
    [
      'redeem',
      order({ kind: 'SERVICE', status: 'PENDING_REDEMPTION', locked: true }),
      { type: 'REDEEM', usesLeftAfter: 0 },
    ],
    [
      'undo a redemption of',
      order({ kind: 'SERVICE', status: 'COMPLETED', locked: true }),
      { type: 'UNDO_REDEMPTION' },
    ],
  ])('refuses to %s a locked order', (_label, facts, action) => {
    expect(decide(facts, action)).toEqual({ ok: false, code: 'ORDER_LOCKED' });
  });

  it('takes notes on a locked order', () => {
    expect(decide(locked, { type: 'NOTE', text: 'waiting for the buyer' })).toEqual({ ok: true });
  });

  it('closes a locked order whose refund went out, since the money has moved', () => {
    const r = apply({ ...locked, ...PROBES.CLOSE.facts }, { type: 'CLOSE' });
    expect(r.ok && r.facts).toMatchObject({ status: 'CLOSED', locked: true });
  });

  it('locks with a reason and unlocks again', () => {
    const l = apply(order(), { type: 'LOCK', reason: 'suspected fraud' });
    expect(l.ok && l.facts.locked).toBe(true);
    if (!l.ok) return;
    const u = apply(l.facts, { type: 'UNLOCK' });
    expect(u.ok && u.facts).toEqual(order());
  });

  it('refuses a lock without a reason', () => {
    expect(decide(order(), { type: 'LOCK', reason: '   ' })).toEqual({ ok: false, code: 'REASON_REQUIRED' });
  });

  it('refuses to lock twice, before complaining about the reason', () => {
    expect(decide(locked, { type: 'LOCK', reason: '' })).toEqual({ ok: false, code: 'ALREADY_LOCKED' });
  });

  it('refuses to unlock an order that is not locked', () => {
    expect(decide(order(), { type: 'UNLOCK' })).toEqual({ ok: false, code: 'NOT_LOCKED' });
  });

  it('refuses to lock a cancelled or closed order, but unlocks one', () => {
    expect(decide(order({ status: 'CANCELLED' }), PROBES.LOCK.action)).toEqual({ ok: false, code: 'WRONG_STATUS' });
    expect(decide(order({ status: 'CLOSED', locked: true }), { type: 'UNLOCK' })).toEqual({ ok: true });
  });
});

describe('shipping interception by a refund request', () => {
  it('refuses to ship while a refund-only request is open', () => {
    expect(
      decide(order({ openAfterSaleType: 'REFUND_ONLY', refundStatus: 'IN_PROGRESS' }), PROBES.SHIP.action),
    ).toEqual({
      ok: false,
      code: 'SHIPPING_INTERCEPTED',
    });
  });

  it('reports the lock before the interception', () => {
    expect(decide(order({ openAfterSaleType: 'REFUND_ONLY', locked: true }), PROBES.SHIP.action)).toEqual({
      ok: false,
      code: 'ORDER_LOCKED',
    });
  });

  it('refuses to redeem a service order while its refund is being decided', () => {
    const facts = order({ kind: 'SERVICE', status: 'PENDING_REDEMPTION', openAfterSaleType: 'REFUND_ONLY' });
    expect(decide(facts, { type: 'REDEEM', usesLeftAfter: 0 })).toEqual({ ok: false, code: 'REDEMPTION_INTERCEPTED' });
  });

  it('still takes notes on an intercepted order', () => {
    expect(decide(order({ openAfterSaleType: 'REFUND_ONLY' }), PROBES.NOTE.action)).toEqual({ ok: true });
  });
});

describe('receipt', () => {
  const awaiting = order({
    status: 'PENDING_RECEIPT',
    lines: [{ lineNo: 1, quantity: 1, shippedQuantity: 1, refundedQuantity: 0 }],
  });

  it('completes on confirmation', () => {
    const r = apply(awaiting, { type: 'CONFIRM_RECEIPT' });
    expect(r.ok && r.facts.status).toBe('COMPLETED');
  });

  it('extends receipt once only', () => {
    const once = apply(awaiting, { type: 'EXTEND_RECEIPT' });
    expect(once.ok && once.facts).toMatchObject({ status: 'PENDING_RECEIPT', receiptExtended: true });
    if (!once.ok) return;
    expect(decide(once.facts, { type: 'EXTEND_RECEIPT' })).toEqual({ ok: false, code: 'RECEIPT_ALREADY_EXTENDED' });
  });
});

describe('changing the receiver', () => {
  it('is allowed until the first parcel leaves, and held by a lock', () => {
    const waiting = order({ status: 'PENDING_SHIPMENT' });
    expect(decide(waiting, { type: 'CHANGE_RECEIVER' })).toEqual({ ok: true });
    const partly = order({
      status: 'PENDING_SHIPMENT',
      lines: [{ lineNo: 1, quantity: 2, shippedQuantity: 1, refundedQuantity: 0 }],
    });
    expect(decide(partly, { type: 'CHANGE_RECEIVER' })).toEqual({ ok: false, code: 'ALREADY_SHIPPED' });
    expect(decide({ ...waiting, locked: true }, { type: 'CHANGE_RECEIVER' })).toEqual({
      ok: false,
      code: 'ORDER_LOCKED',
    });
  });
});

describe('cancelling', () => {
  it('cancels an unpaid order', () => {
    const r = apply(order({ status: 'PENDING_PAYMENT', paymentStatus: 'UNPAID' }), { type: 'CANCEL' });
    expect(r.ok && r.facts).toMatchObject({ status: 'CANCELLED', paymentStatus: 'UNPAID' });
  });

  it('refuses to cancel a paid order: that is a refund', () => {
    expect(decide(order(), { type: 'CANCEL' })).toEqual({ ok: false, code: 'WRONG_STATUS' });
  });
});

describe('service orders', () => {
  const waiting = order({
    kind: 'SERVICE',
    status: 'PENDING_REDEMPTION',
    lines: [{ lineNo: 1, quantity: 1, shippedQuantity: 0, refundedQuantity: 0 }],
  });

  it('completes when the last use is redeemed', () => {
    const r = apply(waiting, { type: 'REDEEM', usesLeftAfter: 0 });
    expect(r.ok && r.facts.status).toBe('COMPLETED');
  });

  it('keeps waiting while the code has uses left', () => {
    const r = apply(waiting, { type: 'REDEEM', usesLeftAfter: 2 });
    expect(r.ok && r.facts.status).toBe('PENDING_REDEMPTION');
  });

  it.each([-1, 0.5, Number.NaN])('refuses %s uses left', (usesLeftAfter) => {
    expect(decide(waiting, { type: 'REDEEM', usesLeftAfter })).toEqual({ ok: false, code: 'USES_INVALID' });
  });

  it('goes back to awaiting redemption when a supervisor undoes it', () => {
    const done = apply(waiting, { type: 'REDEEM', usesLeftAfter: 0 });
    if (!done.ok) throw new Error(done.code);
    const undone = apply(done.facts, { type: 'UNDO_REDEMPTION' });
    expect(undone.ok && undone.facts.status).toBe('PENDING_REDEMPTION');
  });

  it('refuses to redeem a virtual order', () => {
    expect(decide(order({ kind: 'VIRTUAL', status: 'PENDING_RECEIPT' }), { type: 'REDEEM', usesLeftAfter: 0 })).toEqual(
      {
        ok: false,
        code: 'WRONG_KIND',
      },
    );
  });
});

describe('closing', () => {
  it('closes a fully refunded order as refunded', () => {
    const r = apply(order({ openAfterSaleType: 'REFUND_ONLY', refundStatus: 'IN_PROGRESS', ...PROBES.CLOSE.facts }), {
      type: 'CLOSE',
    });
    expect(r.ok && r.facts).toMatchObject({
      status: 'CLOSED',
      paymentStatus: 'REFUNDED',
      refundStatus: 'REFUNDED',
      openAfterSaleType: null,
    });
  });

  it('refuses to close an order with units not refunded', () => {
    expect(decide(order(), { type: 'CLOSE' })).toEqual({ ok: false, code: 'NOT_FULLY_REFUNDED' });
  });
});

describe('notes', () => {
  it('refuses an empty note', () => {
    expect(decide(order(), { type: 'NOTE', text: ' \n' })).toEqual({ ok: false, code: 'TEXT_REQUIRED' });
  });

  it('changes nothing in the facts', () => {
    expect(apply(order(), PROBES.NOTE.action)).toEqual({ ok: true, facts: order() });
  });
});

describe('availableActions: what the buttons say', () => {
  it('lists every action with its decision, for a physical order awaiting shipment', () => {
    const byAction = Object.fromEntries(availableActions(order()).map((a) => [a.action, a.decision]));
    expect(byAction).toEqual({
      PAY: { ok: false, code: 'WRONG_STATUS' },
      SHIP: { ok: true },
      CONFIRM_RECEIPT: { ok: false, code: 'WRONG_STATUS' },
      EXTEND_RECEIPT: { ok: false, code: 'WRONG_STATUS' },
      CANCEL: { ok: false, code: 'WRONG_STATUS' },
      REDEEM: { ok: false, code: 'WRONG_KIND' },
      UNDO_REDEMPTION: { ok: false, code: 'WRONG_KIND' },
      CLOSE: { ok: false, code: 'NOT_FULLY_REFUNDED' },
      LOCK: { ok: true },
      UNLOCK: { ok: false, code: 'NOT_LOCKED' },
      NOTE: { ok: true },
      CHANGE_RECEIVER: { ok: true },
    });
  });

  it('explains a disabled ship button on a locked order', () => {
    const ship = availableActions(order({ locked: true })).find((a) => a.action === 'SHIP');
    expect(ship?.decision).toEqual({ ok: false, code: 'ORDER_LOCKED' });
  });

  it('enables lock and note before a reason or text is typed', () => {
    const decisions = availableActions(order());
    expect(decisions.find((a) => a.action === 'LOCK')?.decision.ok).toBe(true);
    expect(decisions.find((a) => a.action === 'NOTE')?.decision.ok).toBe(true);
  });
});
