import { describe, expect, it } from 'vitest';
import type { AfterSaleRecord, OrderRecord } from '../../../src/shared/contract/records';
import { STORES } from '../../../src/shared/demo/places';
import {
  afterSaleNumber,
  applyLock,
  orderStateOf,
  redeemOrder,
  undoRedemptionOrder,
} from '../../../src/shared/intents';
import { demoState, desk, lastEntry, later, ok } from './fixtures';

const counter = { ...desk, actor: 'store:zhangli', device: 'DEV-0311' };
const store = STORES[0];
const waiting = (total: number) => (o: OrderRecord) =>
  o.kind === 'SERVICE' &&
  o.status === 'PENDING_REDEMPTION' &&
  !o.locked &&
  o.afterSales.length === 0 &&
  o.redemptionCode?.usesTotal === total &&
  o.redemptionCode.usesLeft === total;

const singleUse = demoState('unused single-use service order', waiting(1));
const fiveTimes = demoState('unused five-use service card', waiting(5));

/** A clerk who redeemed at the counter ten minutes before the laptop synced. */
const redemption = (redemptionId: string) => ({
  redemptionId,
  storeName: store.name,
  redeemedAt: counter.now - 600_000,
});

describe('REDEEM (the order side)', () => {
  it('completes a single-use order at the moment the clerk redeemed it', () => {
    const redeemed = ok(redeemOrder(singleUse, redemption('R-1'), counter));
    expect(redeemed.record).toMatchObject({ status: 'COMPLETED', completedAt: counter.now - 600_000 });
    expect(redeemed.record.redemptionCode).toMatchObject({ usesTotal: 1, usesLeft: 0 });
    expect(lastEntry(redeemed)).toEqual({
      at: counter.now,
      actor: 'store:zhangli',
      device: 'DEV-0311',
      action: 'REDEEM',
      detail: `${store.name} 核销 1 次，剩余 0 次（核销记录 R-1）`,
    });
  });

  it('keeps a five-use card 待核销 until its last use', () => {
    let card = fiveTimes;
    for (let use = 1; use <= 4; use++) {
      card = ok(redeemOrder(card, redemption(`R-${use}`), later(counter, use)));
      expect(card.record.status).toBe('PENDING_REDEMPTION');
      expect(card.record.completedAt).toBeNull();
    }
    expect(card.record.redemptionCode?.usesLeft).toBe(1);
    const last = ok(redeemOrder(card, redemption('R-5'), counter));
    expect(last.record).toMatchObject({ status: 'COMPLETED', redemptionCode: { usesLeft: 0 } });
  });

  it('never dates a redemption after now, whatever the device clock said', () => {
    const ahead = { ...redemption('R-1'), redeemedAt: counter.now + 3_600_000 };
    expect(ok(redeemOrder(singleUse, ahead, counter)).record.completedAt).toBe(counter.now);
  });

  it('takes the uses left from the service’s code when it is given', () => {
    const redeemed = ok(redeemOrder(fiveTimes, { ...redemption('R-9'), usesLeft: 1 }, counter));
    expect(redeemed.record).toMatchObject({ status: 'COMPLETED', redemptionCode: { usesLeft: 0 } });
  });

  it('replaying the same redemption of a single-use code refuses the second (no double effect)', () => {
    const once = ok(redeemOrder(singleUse, redemption('R-1'), counter));
    expect(redeemOrder(once, redemption('R-1'), counter)).toMatchObject({ ok: false, code: 'WRONG_STATUS' });
  });

  it('refuses to redeem a locked order', () => {
    const locked = ok(applyLock(singleUse, { orderNo: singleUse.record.orderNo, reason: '顾客投诉待处理' }, desk));
    expect(redeemOrder(locked, redemption('R-1'), counter)).toMatchObject({ ok: false, code: 'ORDER_LOCKED' });
  });

  it('refuses while a refund-only request holds the code', () => {
    const { record } = singleUse;
    const asked: AfterSaleRecord = {
      id: `${record.orderNo}-AS1`,
      afterSaleNo: afterSaleNumber(record.orderNo, 1),
      type: 'REFUND_ONLY',
      status: 'PENDING_REVIEW',
      reason: '行程取消',
      amount: record.amounts.paid,
      createdAt: counter.now - 60_000,
      updatedAt: counter.now - 60_000,
      lines: record.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
      rejectReason: null,
    };
    const held = orderStateOf({ ...record, refundStatus: 'IN_PROGRESS', afterSales: [asked] });
    expect(redeemOrder(held, redemption('R-1'), counter)).toMatchObject({ ok: false, code: 'REDEMPTION_INTERCEPTED' });
  });

  it('refuses an order that has no code to redeem', () => {
    const physical = demoState('physical order', (o) => o.kind === 'PHYSICAL');
    expect(redeemOrder(physical, redemption('R-1'), counter)).toMatchObject({ ok: false, code: 'CODE_NOT_FOUND' });
  });
});

describe('UNDO_REDEMPTION (the order side)', () => {
  const supervisor = { ...later(counter, 900_000), actor: 'store:wangfang' };

  it('gives the use back and puts a completed order back to 待核销', () => {
    const redeemed = ok(redeemOrder(singleUse, redemption('R-1'), counter));
    const undone = ok(
      undoRedemptionOrder(
        redeemed,
        { redemptionId: 'R-1', storeId: store.id, reason: '误核销，顾客未到店' },
        supervisor,
      ),
    );
    expect(undone.record).toMatchObject({
      status: 'PENDING_REDEMPTION',
      completedAt: null,
      redemptionCode: { usesLeft: 1 },
    });
    expect(lastEntry(undone)).toMatchObject({
      action: 'UNDO_REDEMPTION',
      actor: 'store:wangfang',
      detail: `撤销核销（核销记录 R-1，${store.id}）：误核销，顾客未到店`,
    });
  });

  it('undoes one use of a card still in use, leaving it 待核销', () => {
    const twice = ok(redeemOrder(ok(redeemOrder(fiveTimes, redemption('R-1'), counter)), redemption('R-2'), counter));
    const undone = ok(undoRedemptionOrder(twice, { redemptionId: 'R-2', reason: '重复核销' }, supervisor));
    expect(undone.record).toMatchObject({ status: 'PENDING_REDEMPTION', redemptionCode: { usesLeft: 4 } });
    expect(lastEntry(undone)?.detail).toBe('撤销核销（核销记录 R-2）：重复核销');
  });

  it('replaying the same undo refuses the second: there is nothing left to give back', () => {
    const redeemed = ok(redeemOrder(singleUse, redemption('R-1'), counter));
    const input = { redemptionId: 'R-1', reason: '误核销' };
    const once = ok(undoRedemptionOrder(redeemed, input, supervisor));
    expect(undoRedemptionOrder(once, input, supervisor)).toMatchObject({ ok: false, code: 'NOTHING_TO_UNDO' });
  });
});
