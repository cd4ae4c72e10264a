import { describe, expect, it } from 'vitest';
import {
  afterSaleActionAvailability,
  afterSaleActionsInPlay,
  customerServiceAvailability,
  orderActionAvailability,
  type OrderSituation,
  type Viewer,
} from '../../../src/shared/domain/action-availability';
import type { OrderFacts } from '../../../src/shared/domain/order-machine';
import type { AfterSaleStatus, AfterSaleType } from '../../../src/shared/domain/vocabulary';

const SHANGHAI = { all: false, warehouseIds: ['WH-SH'], storeIds: [], dealerIds: [] };
const warehouse1: Viewer = { role: 'warehouse', scope: SHANGHAI };
const warehouseBJ: Viewer = { role: 'warehouse', scope: { ...SHANGHAI, warehouseIds: ['WH-BJ'] } };
const service1: Viewer = { role: 'service', scope: { all: true, warehouseIds: [], storeIds: [], dealerIds: [] } };
const clerk1: Viewer = { role: 'clerk', scope: { all: false, warehouseIds: [], storeIds: ['ST-01'], dealerIds: [] } };

/** A paid parcel order of the Shanghai warehouse: two mugs and a kettle, nothing shipped yet. */
const paid: OrderFacts = {
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
};
const situation = (facts: Partial<OrderFacts> = {}, pendingSync = 0): OrderSituation => ({
  facts: { ...paid, ...facts },
  placement: { kind: 'PHYSICAL', warehouseId: 'WH-SH', storeId: null, dealerId: null },
  pendingSync,
});

describe('which order actions a desk may take, and why not', () => {
  it.each([
    ['a warehouse desk ships its own paid order', warehouse1, situation(), 'SHIP', null],
    ['… but not one of another warehouse', warehouseBJ, situation(), 'SHIP', 'OUT_OF_SCOPE'],
    ['… nor a locked one', warehouse1, situation({ locked: true }), 'SHIP', 'ORDER_LOCKED'],
    [
      '… nor one held by a refund-only request',
      warehouse1,
      situation({ openAfterSaleType: 'REFUND_ONLY', refundStatus: 'IN_PROGRESS' }),
      'SHIP',
      'SHIPPING_INTERCEPTED',
    ],
    ['… nor one already on its way', warehouse1, situation({ status: 'PENDING_RECEIPT' }), 'SHIP', 'WRONG_STATUS'],
    ['customer service never ships', service1, situation(), 'SHIP', 'FORBIDDEN_ROLE'],
    ['a clerk cannot lock', clerk1, situation(), 'LOCK', 'FORBIDDEN_ROLE'],
    ['a locked order cannot be locked again', warehouse1, situation({ locked: true }), 'LOCK', 'ALREADY_LOCKED'],
    ['an open order cannot be unlocked', warehouse1, situation(), 'UNLOCK', 'NOT_LOCKED'],
    ['a locked order can be unlocked', warehouse1, situation({ locked: true }), 'UNLOCK', null],
    ['notes are taken on a locked order too', warehouse1, situation({ locked: true }, 2), 'NOTE', null],
    ['a paid order is not cancelled', service1, situation(), 'CANCEL', 'WRONG_STATUS'],
    ['shipping while earlier changes wait to sync', warehouse1, situation({}, 1), 'SHIP', null],
  ] as const)('%s', (_story, viewer, order, action, reason) => {
    const verdict = orderActionAvailability(viewer, order)[action];
    expect(verdict).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('which after-sale actions staff may take, and why not', () => {
  const request = (type: AfterSaleType, status: AfterSaleStatus) => ({ type, status });
  const shipped = situation({ status: 'PENDING_RECEIPT', refundStatus: 'IN_PROGRESS' });
  it.each([
    ['service reviews a new return', service1, shipped, request('RETURN_REFUND', 'PENDING_REVIEW'), 'APPROVE', null],
    ['… and may reject it', service1, shipped, request('RETURN_REFUND', 'PENDING_REVIEW'), 'REJECT', null],
    [
      'the warehouse does not review',
      warehouse1,
      shipped,
      request('RETURN_REFUND', 'PENDING_REVIEW'),
      'APPROVE',
      'FORBIDDEN_ROLE',
    ],
    [
      'the warehouse receives returned goods',
      warehouse1,
      shipped,
      request('RETURN_REFUND', 'AWAITING_RETURN'),
      'RECEIVE_RETURN',
      null,
    ],
    [
      '… not before the request is approved',
      warehouse1,
      shipped,
      request('RETURN_REFUND', 'PENDING_REVIEW'),
      'RECEIVE_RETURN',
      'WRONG_STATUS',
    ],
    [
      'service refunds once the goods are back',
      service1,
      shipped,
      request('RETURN_REFUND', 'PENDING_REFUND'),
      'REFUND',
      null,
    ],
    [
      '… but waits while the approval is still syncing',
      service1,
      situation({ status: 'PENDING_RECEIPT' }, 1),
      request('RETURN_REFUND', 'PENDING_REFUND'),
      'REFUND',
      'WAITING_SYNC',
    ],
    [
      '… and a lock holds the money',
      service1,
      situation({ status: 'PENDING_RECEIPT', locked: true }),
      request('REFUND_ONLY', 'PENDING_REFUND'),
      'REFUND',
      'ORDER_LOCKED',
    ],
    [
      'an exchange replacement leaves from the warehouse',
      warehouse1,
      shipped,
      request('EXCHANGE', 'EXCHANGE_OUTBOUND'),
      'SHIP_EXCHANGE',
      null,
    ],
    [
      'a refund-only request has no exchange',
      warehouse1,
      shipped,
      request('REFUND_ONLY', 'PENDING_REFUND'),
      'SHIP_EXCHANGE',
      'WRONG_TYPE',
    ],
    [
      'another warehouse cannot receive it',
      warehouseBJ,
      shipped,
      request('RETURN_REFUND', 'AWAITING_RETURN'),
      'RECEIVE_RETURN',
      'OUT_OF_SCOPE',
    ],
  ] as const)('%s', (_story, viewer, order, afterSale, action, reason) => {
    const verdict = afterSaleActionAvailability(viewer, order, afterSale)[action];
    expect(verdict).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('which after-sale buttons a request shows at all', () => {
  it.each([
    ['RETURN_REFUND', 'PENDING_REVIEW', ['APPROVE', 'REJECT']],
    ['RETURN_REFUND', 'AWAITING_RETURN', ['REJECT', 'RECEIVE_RETURN']],
    ['RETURN_REFUND', 'PENDING_REFUND', ['REFUND']],
    ['EXCHANGE', 'AWAITING_EXCHANGE_RETURN', ['REJECT', 'RECEIVE_RETURN']],
    ['EXCHANGE', 'EXCHANGE_OUTBOUND', ['SHIP_EXCHANGE']],
    ['REFUND_ONLY', 'PENDING_REFUND', ['REFUND']],
    ['REFUND_ONLY', 'SUCCEEDED', []],
    ['EXCHANGE', 'REJECTED', []],
  ] as const)('%s in %s: %j', (type, status, actions) => {
    expect(afterSaleActionsInPlay({ type, status })).toEqual(actions);
  });
});

describe('what customer service may do for a buyer on the phone, and why not', () => {
  const moment = { now: Date.UTC(2025, 5, 1), completedAt: null };
  const shipped = {
    status: 'PENDING_RECEIPT' as const,
    lines: paid.lines.map((l) => ({ ...l, shippedQuantity: l.quantity })),
  };
  it.each([
    ['cancels a paid unshipped order with its refund', service1, situation(), 'CANCEL_PAID', null],
    [
      '… not while an earlier change waits to sync (money out)',
      service1,
      situation({}, 1),
      'CANCEL_PAID',
      'WAITING_SYNC',
    ],
    ['… not a locked one', service1, situation({ locked: true }), 'CANCEL_PAID', 'ORDER_LOCKED'],
    ['… not a shipped one', service1, situation(shipped), 'CANCEL_PAID', 'WRONG_STATUS'],
    ['the warehouse never cancels with a refund', warehouse1, situation(), 'CANCEL_PAID', 'FORBIDDEN_ROLE'],
    ['changes the receiver before shipping', service1, situation({}, 1), 'CHANGE_RECEIVER', null],
    ['… not once goods left', service1, situation(shipped), 'CHANGE_RECEIVER', 'WRONG_STATUS'],
    [
      '… not after a partial shipment',
      service1,
      situation({ lines: [{ lineNo: 1, quantity: 2, shippedQuantity: 1, refundedQuantity: 0 }] }),
      'CHANGE_RECEIVER',
      'ALREADY_SHIPPED',
    ],
    ['opens a request for a caller', service1, situation(shipped), 'OPEN_AFTER_SALE', null],
    [
      '… not while one is open',
      service1,
      situation({ ...shipped, openAfterSaleType: 'RETURN_REFUND' }),
      'OPEN_AFTER_SALE',
      'AFTER_SALE_OPEN',
    ],
    ['confirms receipt of a shipped order', service1, situation(shipped), 'CONFIRM_RECEIPT', null],
    [
      'extends receipt only once',
      service1,
      situation({ ...shipped, receiptExtended: true }),
      'EXTEND_RECEIPT',
      'RECEIPT_ALREADY_EXTENDED',
    ],
  ] as const)('%s', (_story, viewer, order, action, reason) => {
    const verdict = customerServiceAvailability(viewer, order, moment)[action];
    expect(verdict).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});
