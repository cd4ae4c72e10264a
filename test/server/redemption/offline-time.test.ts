import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { call, startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, placePaid, pushOne, sku } from '../helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('an offline redemption is judged against when the service last heard from the desk', () => {
  let service: TestService;
  let admin: Session;
  let clerk: Session;
  let supervisor: Session;

  async function voucher(): Promise<{ order: OrderRecord; code: string }> {
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }],
      storeId: 'ST-01',
    });
    return { order: order!, code: await service.codeOf(order!) };
  }
  /** The desk's sync round: a pull naming its device and what its clock says. */
  async function deskSyncs(session: Session, deviceClock = service.clock.now()) {
    const { deviceId } = await session.device();
    const pulled = await call(`${service.url}/v1/sync/pull?limit=1`, {
      token: session.token,
      headers: { 'x-device-id': deviceId, 'x-device-time': String(deviceClock) },
    });
    expect(pulled.status).toBe(200);
  }
  const redemptionsOf = async (orderNo: string) =>
    (await supervisor.get(`/v1/redemptions?from=0&to=${service.clock.now() + 1}`)).body.redemptions.filter(
      (r: { orderNo: string }) => r.orderNo === orderNo,
    );

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 50 });
    admin = await service.login('admin');
    clerk = await service.login('clerk1');
    supervisor = await service.login('service1');
  });
  afterAll(() => service.close());

  it('refuses a REDEEM dated before the expiry of a code that expired five days earlier, and flags the order for a supervisor', async () => {
    const { order, code } = await voucher();
    service.clock.advance(95 * DAY);
    await deskSyncs(clerk);
    service.clock.advance(HOUR);
    // Offline, the desk's clock was set back to a day after payment.
    const backdated = await pushOne(clerk, 'REDEEM', { code, storeId: 'ST-01', redeemedAt: order.paidAt! + DAY });
    expect(backdated).toMatchObject({
      status: 'rejected',
      code: 'CODE_EXPIRED',
      order: {
        orderNo: order.orderNo,
        status: 'PENDING_REDEMPTION',
        exception: { reasons: [{ code: 'OFFLINE_REDEMPTION_EXPIRED', lineNo: null }] },
      },
    });
    const now = await getOrder(supervisor, order.orderNo);
    expect(now.redemptionCode!.usesLeft).toBe(1);
    expect(now.timeline.at(-1)).toMatchObject({ action: 'EXCEPTION', actor: 'clerk:clerk1' });
    expect(await redemptionsOf(order.orderNo)).toEqual([expect.objectContaining({ state: 'rejected' })]);
  });

  it('applies an honest offline redemption made before expiry and synced after it, at its own time', async () => {
    const { order, code } = await voucher();
    const expiry = order.redemptionCode!.validTo;
    service.clock.advance(expiry - service.clock.now() - 2 * HOUR);
    await deskSyncs(clerk);
    const redeemedAt = service.clock.advance(HOUR);
    service.clock.advance(10 * HOUR);
    const late = await pushOne(clerk, 'REDEEM', { code, storeId: 'ST-01', redeemedAt });
    expect(late).toMatchObject({ status: 'applied', order: { status: 'COMPLETED', completedAt: redeemedAt } });
    const [redemption] = await redemptionsOf(order.orderNo);
    expect(redemption).toMatchObject({ state: 'applied', redeemedAt });

    // The undo window counts from when the service recorded it, not from the claimed time.
    service.clock.advance(30 * MINUTE);
    const undo = await pushOne(supervisor, 'UNDO_REDEMPTION', {
      orderNo: order.orderNo,
      redemptionId: redemption.id,
      reason: '顾客未到店，误核销',
    });
    expect(undo).toMatchObject({ status: 'applied', order: { status: 'PENDING_REDEMPTION' } });
  });

  it('closes the undo window an hour after the service recorded the redemption', async () => {
    const { order, code } = await voucher();
    await deskSyncs(clerk);
    const redeemedAt = service.clock.advance(MINUTE);
    service.clock.advance(2 * HOUR);
    await pushOne(clerk, 'REDEEM', { code, storeId: 'ST-01', redeemedAt });
    const [redemption] = await redemptionsOf(order.orderNo);
    service.clock.advance(HOUR + 1);
    const undo = await pushOne(supervisor, 'UNDO_REDEMPTION', {
      orderNo: order.orderNo,
      redemptionId: redemption.id,
      reason: '太晚了',
    });
    expect(undo).toMatchObject({ status: 'rejected', code: 'UNDO_WINDOW_PASSED' });
  });

  it('lifts a claim from before the desk’s last sync to that sync: it cannot have happened while the desk said nothing', async () => {
    const { order, code } = await voucher();
    const synced = service.clock.advance(MINUTE);
    await deskSyncs(clerk);
    service.clock.advance(MINUTE);
    await pushOne(clerk, 'REDEEM', { code, storeId: 'ST-01', redeemedAt: order.paidAt! - HOUR });
    expect(await redemptionsOf(order.orderNo)).toEqual([
      expect.objectContaining({ state: 'applied', redeemedAt: synced }),
    ]);
  });

  it('never dates a redemption in the future', async () => {
    const { order, code } = await voucher();
    await deskSyncs(clerk);
    const arrival = service.clock.advance(MINUTE);
    await pushOne(clerk, 'REDEEM', { code, storeId: 'ST-01', redeemedAt: arrival + 2 * DAY });
    expect(await redemptionsOf(order.orderNo)).toEqual([expect.objectContaining({ redeemedAt: arrival })]);
  });

  it('reads a desk clock three hours slow by what it said when it last synced', async () => {
    const { order, code } = await voucher();
    const slow = -3 * HOUR;
    await deskSyncs(clerk, service.clock.now() + slow);
    const really = service.clock.advance(10 * MINUTE);
    service.clock.advance(MINUTE);
    await pushOne(clerk, 'REDEEM', { code, storeId: 'ST-01', redeemedAt: really + slow });
    expect(await redemptionsOf(order.orderNo)).toEqual([expect.objectContaining({ redeemedAt: really })]);
  });
});
