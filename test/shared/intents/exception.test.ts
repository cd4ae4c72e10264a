import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { applyExceptionResolve, applyShip, heldAtIntake, orderStateOf } from '../../../src/shared/intents';
import { demoOrder, desk, lastEntry, ok, untouchedToShip } from './fixtures';

const supervisor = { ...desk, actor: 'service:service1', device: 'DEV-0007' };
const paid = demoOrder('paid physical order nobody touched', untouchedToShip);
const opened = { openedAt: desk.now - 60_000 };
const withException = (over: Partial<OrderRecord> = {}) =>
  orderStateOf({
    ...paid,
    exception: { ...opened, reasons: [{ code: 'OTHER', detail: '平台已取消，待人工核实', lineNo: null }] },
    ...over,
  });
const shipEverything = (record: OrderRecord) => ({
  orderNo: record.orderNo,
  parcels: [
    {
      carrier: 'SF',
      trackingNo: 'SF1234567890123',
      lines: record.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
    },
  ],
});

describe('an exception order', () => {
  it('may not ship while its exception is open', () => {
    const state = withException();
    expect(applyShip(state, shipEverything(state.record), desk)).toMatchObject({ ok: false, code: 'EXCEPTION_OPEN' });
  });

  it('is resolved by a supervisor with a note: the timeline keeps what was open, and it ships again', () => {
    const state = withException();
    const resolved = ok(
      applyExceptionResolve(state, { orderNo: paid.orderNo, note: '平台已恢复，照常发货' }, supervisor),
    );
    expect(resolved.record.exception).toBeNull();
    expect(lastEntry(resolved)).toMatchObject({
      action: 'EXCEPTION_CLEARED',
      actor: 'service:service1',
      detail: '异常已处理：平台已恢复，照常发货（原因：平台已取消，待人工核实）',
    });
    expect(applyShip(resolved, shipEverything(resolved.record), desk).ok).toBe(true);
  });

  it('cannot be resolved when nothing is open, nor by a note when intake holds it', () => {
    expect(
      applyExceptionResolve(orderStateOf(paid), { orderNo: paid.orderNo, note: '处理' }, supervisor),
    ).toMatchObject({ ok: false, code: 'NO_OPEN_EXCEPTION' });
    const external = {
      shopId: 'TM-HEMU',
      shopName: '禾木天猫店',
      channel: 'TAOBAO' as const,
      externalOrderNo: '1',
      platformStatus: 'WAIT_SELLER_SEND_GOODS',
    };
    const held = withException({ external, warehouseId: null, storeId: null });
    expect(heldAtIntake(held.record)).toBe(true);
    expect(applyExceptionResolve(held, { orderNo: paid.orderNo, note: '放行' }, supervisor)).toMatchObject({
      ok: false,
      code: 'EXCEPTION_NEEDS_RELEASE',
    });
    expect(heldAtIntake(withException({ external }).record)).toBe(false);
  });
});
