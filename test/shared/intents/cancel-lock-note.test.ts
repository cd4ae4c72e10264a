import { describe, expect, it } from 'vitest';
import { applyCancel, applyLock, applyNote, applyUnlock, cancelRecord } from '../../../src/shared/intents';
import { demoState, desk, lastEntry, ok, untouchedToShip } from './fixtures';

const unpaid = demoState('unpaid physical order', (o) => o.status === 'PENDING_PAYMENT' && !o.locked);
const toShip = demoState('paid physical order', untouchedToShip);
const completed = demoState('completed physical order', (o) => o.kind === 'PHYSICAL' && o.status === 'COMPLETED');

describe('CANCEL', () => {
  it('cancels an unpaid order and says why in its timeline', () => {
    const cancelled = ok(applyCancel(unpaid, { orderNo: unpaid.record.orderNo, reason: '买家重复下单' }, desk));
    expect(cancelled.record.status).toBe('CANCELLED');
    expect(lastEntry(cancelled)).toMatchObject({ action: 'CANCEL', detail: '取消订单：买家重复下单', at: desk.now });
  });

  it('cancels for the unpaid timer in the same way, in its own words', () => {
    const system = { now: desk.now, actor: 'system', device: 'server' };
    const cancelled = ok(cancelRecord(unpaid, '超时未支付，系统自动取消', system));
    expect(cancelled.record.status).toBe('CANCELLED');
    expect(lastEntry(cancelled)).toMatchObject({
      actor: 'system',
      device: 'server',
      detail: '超时未支付，系统自动取消',
    });
  });

  it('refuses to cancel an order that is already paid', () => {
    expect(applyCancel(toShip, { orderNo: toShip.record.orderNo, reason: '不要了' }, desk)).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
      message: `Order ${toShip.record.orderNo} (PENDING_SHIPMENT) refuses CANCEL`,
    });
  });

  it('replaying the same cancel on the cancelled record refuses the second', () => {
    const payload = { orderNo: unpaid.record.orderNo, reason: '买家重复下单' };
    const once = ok(applyCancel(unpaid, payload, desk));
    expect(applyCancel(once, payload, desk)).toMatchObject({ ok: false, code: 'WRONG_STATUS' });
  });
});

describe('LOCK and UNLOCK', () => {
  const { orderNo } = toShip.record;

  it('locks an order with its reason and unlocks it again, clearing the reason', () => {
    const locked = ok(applyLock(toShip, { orderNo, reason: '疑似欺诈，待核实' }, desk));
    expect(locked.record).toMatchObject({ locked: true, lockReason: '疑似欺诈，待核实', status: 'PENDING_SHIPMENT' });
    expect(lastEntry(locked)).toMatchObject({ action: 'LOCK', detail: '锁单：疑似欺诈，待核实' });

    const unlocked = ok(applyUnlock(locked, { orderNo }, desk));
    expect(unlocked.record).toMatchObject({ locked: false, lockReason: null });
    expect(lastEntry(unlocked)).toMatchObject({ action: 'UNLOCK', detail: '解除锁单' });
  });

  it('replaying a lock refuses the second, and so does unlocking an order that is not locked', () => {
    const locked = ok(applyLock(toShip, { orderNo, reason: '核实地址' }, desk));
    expect(applyLock(locked, { orderNo, reason: '核实地址' }, desk)).toMatchObject({
      ok: false,
      code: 'ALREADY_LOCKED',
    });
    expect(applyUnlock(toShip, { orderNo }, desk)).toMatchObject({ ok: false, code: 'NOT_LOCKED' });
  });

  it('refuses to lock an order that is over (cancelled)', () => {
    const cancelled = ok(applyCancel(unpaid, { orderNo: unpaid.record.orderNo, reason: '重复下单' }, desk));
    expect(applyLock(cancelled, { orderNo: unpaid.record.orderNo, reason: '核实' }, desk)).toMatchObject({
      ok: false,
      code: 'WRONG_STATUS',
    });
  });
});

describe('NOTE', () => {
  it('notes on a completed order and on a locked one, changing nothing but the timeline', () => {
    const noted = ok(applyNote(completed, { orderNo: completed.record.orderNo, text: '买家来电询问发票' }, desk));
    expect({ ...noted.record, timeline: [], updatedAt: 0 }).toEqual({
      ...completed.record,
      timeline: [],
      updatedAt: 0,
    });
    expect(noted.record.timeline).toHaveLength(completed.record.timeline.length + 1);
    expect(lastEntry(noted)).toMatchObject({ action: 'NOTE', detail: '买家来电询问发票', actor: desk.actor });

    const locked = ok(applyLock(toShip, { orderNo: toShip.record.orderNo, reason: '核实地址' }, desk));
    expect(applyNote(locked, { orderNo: toShip.record.orderNo, text: '已电话联系' }, desk).ok).toBe(true);
  });

  it('refuses a blank note', () => {
    expect(applyNote(completed, { orderNo: completed.record.orderNo, text: '   ' }, desk)).toMatchObject({
      ok: false,
      code: 'TEXT_REQUIRED',
    });
  });
});
