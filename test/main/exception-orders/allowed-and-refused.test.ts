import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src/shared/contract/orders';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { localOrders } from '../../support/convergence';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { appliedOnce, queuedOnce, unchanged } from '../../support/desk-intents';
import type { Session, TestService } from '../../support/service';
import { getOrder, pushOne } from '../../server/helpers';
import { EXAMPLE_BATCH, exampleOrder, PASSWORD, startCompany } from '../../server/intake/company';

/**
 * 异常订单 at a desk in the example company (docs/examples/company.json): its customer-service lead
 * cs-lead decides exception orders, its Hangzhou desk wh-hz (no right) may not. Resolving with a
 * note is an intent (queued once, applied once); mapping a SKU, releasing and 转仓 are asked of the
 * service online. Every refusal changes nothing on the desk and queues nothing.
 */
describe('异常订单 at a desk, allowed and refused', () => {
  let service: TestService;
  let erp: Session;
  let boss: Session;
  let lead: Session;
  let serial = 0;
  const desks: TestDesk[] = [];

  beforeAll(async () => {
    service = await startCompany();
    erp = await service.login('erp', PASSWORD);
    boss = await service.login('boss', PASSWORD);
    lead = await service.login('cs-lead', PASSWORD);
    await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
  });
  afterEach(async () => {
    await Promise.all(desks.splice(0).map((d) => d.dispose()));
  });
  afterAll(() => service.close());

  const desk = async (username: string): Promise<TestDesk> => {
    const opened = openTestDesk(service, { serviceUrl: service.url });
    desks.push(opened);
    await opened.signIn(username, PASSWORD);
    await opened.sync();
    return opened;
  };
  const byExternalNo = async (externalOrderNo: string): Promise<OrderRecord> =>
    (await lead.get(`/v1/orders?externalOrderNo=${externalOrderNo}`)).body.orders[0];

  /** A shop order the lead sent to the exception queue in 审单 (the Hangzhou desk holds it). */
  async function rejectedToExceptions(): Promise<OrderRecord> {
    await boss.post('/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1 });
    const externalOrderNo = `EXC-${++serial}`;
    await erp.post('/v1/intake/orders', { orders: [exampleOrder(0, { externalOrderNo })] });
    await boss.post('/v1/review/rules', NO_REVIEW);
    const order = await byExternalNo(externalOrderNo);
    const sent = await pushOne(lead, 'REVIEW_REJECT', {
      orderNo: order.orderNo,
      reason: '买家要求改色',
      then: 'EXCEPTION',
    });
    expect(sent).toMatchObject({ status: 'applied', order: { exception: { reasons: [{ code: 'REVIEW_REJECTED' }] } } });
    return sent.order as OrderRecord;
  }
  const forbidden = { ok: false, error: { code: 'FORBIDDEN_ROLE' } };
  const refused = (reason: string) => ({ ok: false, error: { code: 'ACTION_REFUSED', reason } });

  it('EXCEPTION_RESOLVE: the lead resolves an open exception with a note and it ships; nothing open, or held at intake, is refused; the desk may not', async () => {
    const order = await rejectedToExceptions();
    const heldAtIntake = await byExternalNo('3620377712004451');
    const calm = (await byExternalNo('3620118837765401')).orderNo;
    const supervisor = await desk('cs-lead');
    const hangzhou = await desk('wh-hz');
    const resolve = (orderNo: string) => ({ orderNo, note: '已电话确认，按原单发货' });

    expect(
      await unchanged(hangzhou, order.orderNo, () => hangzhou.call('exceptionOrders.resolve', resolve(order.orderNo))),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(supervisor, calm, () => supervisor.call('exceptionOrders.resolve', resolve(calm))),
    ).toMatchObject(refused('NO_OPEN_EXCEPTION'));
    expect(
      await unchanged(supervisor, heldAtIntake.orderNo, () =>
        supervisor.call('exceptionOrders.resolve', resolve(heldAtIntake.orderNo)),
      ),
    ).toMatchObject(refused('EXCEPTION_NEEDS_RELEASE'));

    const { value, intentId } = await queuedOnce<OrderDetail>(supervisor, order.orderNo, 'EXCEPTION_RESOLVE', () =>
      supervisor.call('exceptionOrders.resolve', resolve(order.orderNo)),
    );
    expect(value).toMatchObject({ exception: null, pendingSync: 1 });
    expect(
      await unchanged(supervisor, order.orderNo, () =>
        supervisor.call('exceptionOrders.resolve', resolve(order.orderNo)),
      ),
    ).toMatchObject(refused('NO_OPEN_EXCEPTION'));
    await supervisor.sync();
    await appliedOnce(supervisor, service, intentId);
    await hangzhou.sync();
    expect(localOrders(hangzhou).get(order.orderNo)?.exception).toBeNull();
    const parcels = [
      {
        carrier: 'SF',
        trackingNo: 'SF7000000000931',
        lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
      },
    ];
    expect(await hangzhou.call('orders.ship', { orderNo: order.orderNo, parcels })).toMatchObject({
      ok: true,
      value: { status: 'PENDING_RECEIPT' },
    });
  });

  it('map SKU and release: the lead releases an order held at intake from the desk; one not held is refused with NOT_HELD; the desk may not', async () => {
    const held = await byExternalNo('3620377712004451');
    const flagged = await rejectedToExceptions();
    const supervisor = await desk('cs-lead');
    const hangzhou = await desk('wh-hz');
    const mapping = { orderNo: held.orderNo, lines: [{ lineNo: 1, sku: 'HM-AR-001' }] };

    expect(
      await unchanged(hangzhou, flagged.orderNo, () => hangzhou.call('exceptionOrders.mapSku', mapping)),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(hangzhou, flagged.orderNo, () =>
        hangzhou.call('exceptionOrders.release', { orderNo: held.orderNo, waive: [] }),
      ),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(supervisor, flagged.orderNo, () =>
        supervisor.call('exceptionOrders.mapSku', { ...mapping, orderNo: flagged.orderNo }),
      ),
    ).toMatchObject(refused('NOT_HELD'));
    expect(
      await unchanged(supervisor, flagged.orderNo, () =>
        supervisor.call('exceptionOrders.release', { orderNo: flagged.orderNo, waive: ['REVIEW_REJECTED'] }),
      ),
    ).toMatchObject(refused('NOT_HELD'));
    expect(
      await unchanged(supervisor, held.orderNo, () =>
        supervisor.call('exceptionOrders.mapSku', { ...mapping, lines: [{ lineNo: 1, sku: 'NO-SUCH-SKU' }] }),
      ),
    ).toMatchObject(refused('SKU_NOT_FOUND'));

    const outboxBefore = supervisor.db().prepare('SELECT count(*) FROM outbox').pluck().get();
    expect(await supervisor.call('exceptionOrders.mapSku', mapping)).toMatchObject({
      ok: true,
      value: { released: [held.parentNo], held: [] },
    });
    // Asked online, not queued: the released order came with the pull made before answering.
    expect(supervisor.db().prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore);
    expect(localOrders(supervisor).get(held.orderNo)).toMatchObject({ exception: null, warehouseId: 'WH-HZ' });
    await hangzhou.sync();
    expect(localOrders(hangzhou).get(held.orderNo)?.status).toBe('PENDING_SHIPMENT');
  });

  it('转仓: the lead moves an exception order to another warehouse; the desk may not; a second move to the same warehouse is refused', async () => {
    const order = await rejectedToExceptions();
    const supervisor = await desk('cs-lead');
    const hangzhou = await desk('wh-hz');
    const move = { orderNo: order.orderNo, warehouseId: 'WH-GZ' };

    expect(
      await unchanged(hangzhou, order.orderNo, () => hangzhou.call('exceptionOrders.transfer', move)),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(supervisor, order.orderNo, () =>
        supervisor.call('exceptionOrders.transfer', { ...move, warehouseId: 'WH-NOWHERE' }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'ACTION_REFUSED' } });
    expect(await supervisor.call('exceptionOrders.transfer', move)).toMatchObject({
      ok: true,
      value: { warehouseId: 'WH-GZ' },
    });
    expect(localOrders(supervisor).get(order.orderNo)?.warehouseId).toBe('WH-GZ');
    expect(
      await unchanged(supervisor, order.orderNo, () => supervisor.call('exceptionOrders.transfer', move)),
    ).toMatchObject(refused('NOT_TRANSFERABLE'));
    expect((await getOrder(boss, order.orderNo)).warehouseId).toBe('WH-GZ');
    await hangzhou.sync();
    expect(localOrders(hangzhou).has(order.orderNo)).toBe(false);
  });
});
