import { describe, it, expect } from 'vitest';
import {
  AFTER_SALE_ACTION_TYPES,
  applyAfterSale,
  availableAfterSaleActions,
  decideAfterSale,
  isAfterSaleOpen,
  openAfterSaleTypeOf,
  type AfterSaleAction,
  type AfterSaleActionType,
  type AfterSaleFacts,
} from '../../../src/shared/domain/after-sale-machine';
import {
  AFTER_SALE_STATUSES,
  AFTER_SALE_TYPES,
  type AfterSaleStatus,
  type AfterSaleType,
} from '../../../src/shared/domain/vocabulary';

const PROBES: Record<AfterSaleActionType, AfterSaleAction> = {
  APPROVE: { type: 'APPROVE' },
  REJECT: { type: 'REJECT', reason: 'outside the return policy' },
  WITHDRAW: { type: 'WITHDRAW' },
  RECEIVE_RETURN: { type: 'RECEIVE_RETURN' },
  REFUND: { type: 'REFUND' },
  SHIP_EXCHANGE: { type: 'SHIP_EXCHANGE', carrier: 'SF', trackingNo: 'SF1234567890123' },
};

/** domain.md "After-sales", written out: a missing action is WRONG_TYPE, a missing status WRONG_STATUS. */
const EXPECTED: Record<
  AfterSaleType,
  Partial<Record<AfterSaleActionType, Partial<Record<AfterSaleStatus, AfterSaleStatus>>>>
> = {
  REFUND_ONLY: {
    APPROVE: { PENDING_REVIEW: 'PENDING_REFUND' },
    REJECT: { PENDING_REVIEW: 'REJECTED' },
    WITHDRAW: { PENDING_REVIEW: 'WITHDRAWN' },
    REFUND: { PENDING_REFUND: 'SUCCEEDED' },
  },
  RETURN_REFUND: {
    APPROVE: { PENDING_REVIEW: 'AWAITING_RETURN' },
    REJECT: { PENDING_REVIEW: 'REJECTED', AWAITING_RETURN: 'REJECTED' },
    WITHDRAW: { PENDING_REVIEW: 'WITHDRAWN' },
    RECEIVE_RETURN: { AWAITING_RETURN: 'PENDING_REFUND' },
    REFUND: { PENDING_REFUND: 'SUCCEEDED' },
  },
  EXCHANGE: {
    APPROVE: { PENDING_REVIEW: 'AWAITING_EXCHANGE_RETURN' },
    REJECT: { PENDING_REVIEW: 'REJECTED', AWAITING_EXCHANGE_RETURN: 'REJECTED' },
    WITHDRAW: { PENDING_REVIEW: 'WITHDRAWN' },
    RECEIVE_RETURN: { AWAITING_EXCHANGE_RETURN: 'EXCHANGE_OUTBOUND' },
    SHIP_EXCHANGE: { EXCHANGE_OUTBOUND: 'SUCCEEDED' },
  },
};

const combos = AFTER_SALE_TYPES.flatMap((type) =>
  AFTER_SALE_STATUSES.flatMap((status) => AFTER_SALE_ACTION_TYPES.map((action) => [type, status, action] as const)),
);

describe('the after-sale transition table, every (type, status, action)', () => {
  it.each(combos)('%s request in %s: %s', (type, status, action) => {
    const facts: AfterSaleFacts = { type, status, orderLocked: false };
    const byType = EXPECTED[type][action];
    const target = byType?.[status];
    const result = applyAfterSale(facts, PROBES[action]);
    if (!byType) expect(result).toEqual({ ok: false, code: 'WRONG_TYPE' });
    else if (!target) expect(result).toEqual({ ok: false, code: 'WRONG_STATUS' });
    else expect(result).toEqual({ ok: true, facts: { ...facts, status: target } });
    expect(decideAfterSale(facts, PROBES[action]).ok).toBe(result.ok);
  });
});

const run = (type: AfterSaleType, actions: AfterSaleAction[]): AfterSaleStatus[] => {
  let facts: AfterSaleFacts = { type, status: 'PENDING_REVIEW', orderLocked: false };
  return actions.map((action) => {
    const r = applyAfterSale(facts, action);
    if (!r.ok) throw new Error(r.code);
    facts = r.facts;
    return facts.status;
  });
};

describe('the three flows end to end', () => {
  it('refund only: approve, refund', () => {
    expect(run('REFUND_ONLY', [PROBES.APPROVE, PROBES.REFUND])).toEqual(['PENDING_REFUND', 'SUCCEEDED']);
  });

  it('return and refund: approve, goods received and inspected, refund', () => {
    expect(run('RETURN_REFUND', [PROBES.APPROVE, PROBES.RECEIVE_RETURN, PROBES.REFUND])).toEqual([
      'AWAITING_RETURN',
      'PENDING_REFUND',
      'SUCCEEDED',
    ]);
  });

  it('exchange: approve, old goods received, new goods out with a waybill', () => {
    expect(run('EXCHANGE', [PROBES.APPROVE, PROBES.RECEIVE_RETURN, PROBES.SHIP_EXCHANGE])).toEqual([
      'AWAITING_EXCHANGE_RETURN',
      'EXCHANGE_OUTBOUND',
      'SUCCEEDED',
    ]);
  });
});

describe('guards', () => {
  const review: AfterSaleFacts = { type: 'RETURN_REFUND', status: 'PENDING_REVIEW', orderLocked: false };
  const outbound: AfterSaleFacts = { type: 'EXCHANGE', status: 'EXCHANGE_OUTBOUND', orderLocked: false };

  it('refuses a rejection without a reason', () => {
    expect(decideAfterSale(review, { type: 'REJECT', reason: '  ' })).toEqual({ ok: false, code: 'REASON_REQUIRED' });
  });

  it('rejects returned goods that fail inspection', () => {
    const awaiting: AfterSaleFacts = { ...review, status: 'AWAITING_RETURN' };
    expect(applyAfterSale(awaiting, PROBES.REJECT)).toEqual({ ok: true, facts: { ...awaiting, status: 'REJECTED' } });
  });

  it('refuses a withdrawal once the request is approved', () => {
    expect(decideAfterSale({ ...review, status: 'AWAITING_RETURN' }, PROBES.WITHDRAW)).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
    });
  });

  it('refuses to send an exchange without a tracking number', () => {
    expect(decideAfterSale(outbound, { type: 'SHIP_EXCHANGE', carrier: 'SF', trackingNo: ' ' })).toEqual({
      ok: false,
      code: 'TRACKING_EMPTY',
    });
  });

  it('refuses an exchange waybill in the wrong format or with an unknown carrier', () => {
    expect(decideAfterSale(outbound, { type: 'SHIP_EXCHANGE', carrier: 'SF', trackingNo: 'JT0001234567890' })).toEqual({
      ok: false,
      code: 'TRACKING_FORMAT',
    });
    expect(decideAfterSale(outbound, { type: 'SHIP_EXCHANGE', carrier: 'NOPE', trackingNo: '123456789' })).toEqual({
      ok: false,
      code: 'UNKNOWN_CARRIER',
    });
  });

  it('refuses to refund or send goods on a locked order', () => {
    expect(
      decideAfterSale({ type: 'REFUND_ONLY', status: 'PENDING_REFUND', orderLocked: true }, PROBES.REFUND),
    ).toEqual({
      ok: false,
      code: 'ORDER_LOCKED',
    });
    expect(decideAfterSale({ ...outbound, orderLocked: true }, PROBES.SHIP_EXCHANGE)).toEqual({
      ok: false,
      code: 'ORDER_LOCKED',
    });
  });

  it('still reviews and receives returns on a locked order', () => {
    expect(decideAfterSale({ ...review, orderLocked: true }, PROBES.APPROVE)).toEqual({ ok: true });
    expect(decideAfterSale({ ...review, status: 'AWAITING_RETURN', orderLocked: true }, PROBES.RECEIVE_RETURN)).toEqual(
      { ok: true },
    );
  });

  it('checks the status before the lock and the lock before parameters', () => {
    const locked = { ...outbound, orderLocked: true };
    expect(decideAfterSale({ ...locked, status: 'SUCCEEDED' }, PROBES.SHIP_EXCHANGE)).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
    });
    expect(decideAfterSale(locked, { type: 'SHIP_EXCHANGE', carrier: 'SF', trackingNo: '' })).toEqual({
      ok: false,
      code: 'ORDER_LOCKED',
    });
  });
});

describe('availableAfterSaleActions', () => {
  it('lists what a reviewer may do with a new return request', () => {
    const byAction = Object.fromEntries(
      availableAfterSaleActions({ type: 'RETURN_REFUND', status: 'PENDING_REVIEW', orderLocked: false }).map((a) => [
        a.action,
        a.decision,
      ]),
    );
    expect(byAction).toEqual({
      APPROVE: { ok: true },
      REJECT: { ok: true },
      WITHDRAW: { ok: true },
      RECEIVE_RETURN: { ok: false, code: 'WRONG_STATUS' },
      REFUND: { ok: false, code: 'WRONG_STATUS' },
      SHIP_EXCHANGE: { ok: false, code: 'WRONG_TYPE' },
    });
  });
});

describe('open requests', () => {
  it('counts every status but succeeded, rejected and withdrawn as open', () => {
    expect(AFTER_SALE_STATUSES.filter(isAfterSaleOpen)).toEqual([
      'PENDING_REVIEW',
      'PENDING_REFUND',
      'AWAITING_RETURN',
      'AWAITING_EXCHANGE_RETURN',
      'EXCHANGE_OUTBOUND',
    ]);
  });

  it('finds the open request among an order’s history', () => {
    expect(
      openAfterSaleTypeOf([
        { type: 'REFUND_ONLY', status: 'REJECTED' },
        { type: 'EXCHANGE', status: 'AWAITING_EXCHANGE_RETURN' },
      ]),
    ).toBe('EXCHANGE');
    expect(openAfterSaleTypeOf([{ type: 'REFUND_ONLY', status: 'SUCCEEDED' }])).toBeNull();
    expect(openAfterSaleTypeOf([])).toBeNull();
  });
});
