import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, pushOne, shipAll, unchangedOn } from '../helpers';
import { EXAMPLE_BATCH, exampleOrder, PASSWORD, startCompany } from '../intake/company';

/** 异常订单 as a workflow: an open exception stops shipping until a supervisor resolves it. */
describe('exception orders', () => {
  describe('an order with an open exception', () => {
    let service: TestService;
    let admin: Session;
    let warehouse: Session;
    let supervisor: Session;
    let nth = 80;

    /** A paid order a supervisor rejected in 审单 and sent to the exception queue. */
    async function flagged(): Promise<OrderRecord> {
      await admin.post('/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1000 });
      const order = await paidPhysical(admin, 'WH-SH', 2, nth++);
      await admin.post('/v1/review/rules', NO_REVIEW);
      const sent = await pushOne(supervisor, 'REVIEW_REJECT', {
        orderNo: order.orderNo,
        reason: '买家留言要求改色，待确认',
        then: 'EXCEPTION',
      });
      expect(sent.status).toBe('applied');
      return sent.order as OrderRecord;
    }

    beforeAll(async () => {
      service = await startTestService({ demoOrders: 30 });
      admin = await service.login('admin');
      warehouse = await service.login('warehouse1');
      supervisor = await service.login('service1');
    });
    afterAll(() => service.close());

    it('is refused shipping with EXCEPTION_OPEN, and ships once a supervisor resolves it with a note', async () => {
      const order = await flagged();
      const unchanged = <T>(action: () => Promise<T>) => unchangedOn(admin, order.orderNo, action);
      expect(await unchanged(() => shipAll(warehouse, order))).toMatchObject({
        status: 'rejected',
        code: 'EXCEPTION_OPEN',
      });

      expect(
        await unchanged(() => pushOne(warehouse, 'EXCEPTION_RESOLVE', { orderNo: order.orderNo, note: '已确认' })),
      ).toMatchObject({ status: 'rejected', code: 'FORBIDDEN_ROLE' });
      expect(
        await unchanged(() => pushOne(supervisor, 'EXCEPTION_RESOLVE', { orderNo: order.orderNo, note: ' ' })),
      ).toMatchObject({ status: 'rejected', code: 'INVALID_INTENT' });
      const resolved = await pushOne(supervisor, 'EXCEPTION_RESOLVE', {
        orderNo: order.orderNo,
        note: '已电话确认，按原单发货',
      });
      expect(resolved).toMatchObject({ status: 'applied', order: { exception: null } });
      expect(resolved.order!.timeline.at(-1)).toMatchObject({
        action: 'EXCEPTION_CLEARED',
        actor: 'service:service1',
        detail: '异常已处理：已电话确认，按原单发货（原因：审核驳回：买家留言要求改色，待确认）',
      });
      expect(await shipAll(warehouse, order)).toMatchObject({ status: 'applied' });
      expect(
        await unchanged(() => pushOne(supervisor, 'EXCEPTION_RESOLVE', { orderNo: order.orderNo, note: '再处理一次' })),
      ).toMatchObject({ status: 'rejected', code: 'NO_OPEN_EXCEPTION' });
    });

    it('moves to another warehouse (转仓) at a supervisor’s word; the warehouse may not', async () => {
      const order = await flagged();
      const url = `/v1/exception-orders/${order.orderNo}/transfer`;
      const unchanged = <T>(action: () => Promise<T>) => unchangedOn(admin, order.orderNo, action);
      expect(await unchanged(() => warehouse.post(url, { warehouseId: 'WH-BJ' }))).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN_ROLE' } },
      });
      expect(await unchanged(() => supervisor.post(url, { warehouseId: 'WH-NOWHERE' }))).toMatchObject({
        status: 409,
        body: { error: { code: 'NOT_TRANSFERABLE', message: 'No warehouse WH-NOWHERE' } },
      });
      expect((await unchanged(() => supervisor.post(url, { warehouseId: '' }))).status).toBe(400);
      const moved = await supervisor.post(url, { warehouseId: 'WH-BJ' });
      expect(moved).toMatchObject({
        status: 200,
        body: { warehouseId: 'WH-BJ', exception: { reasons: [{ code: 'REVIEW_REJECTED' }] } },
      });
      expect(moved.body.timeline.at(-1)).toMatchObject({ action: 'TRANSFER', actor: 'service:service1' });
      expect(
        await unchangedOn(admin, order.orderNo, () => supervisor.post(url, { warehouseId: 'WH-BJ' })),
      ).toMatchObject({
        status: 409,
        body: { error: { code: 'NOT_TRANSFERABLE' } },
      });
    });

    it('is not held at intake: there is nothing to map or release on the service', async () => {
      const order = await flagged();
      const unchanged = <T>(action: () => Promise<T>) => unchangedOn(admin, order.orderNo, action);
      const release = await unchanged(() =>
        supervisor.post(`/v1/exception-orders/${order.orderNo}/release`, { waive: [] }),
      );
      expect(release).toMatchObject({ status: 409, body: { error: { code: 'NOT_HELD' } } });
      const map = await unchanged(() =>
        supervisor.post(`/v1/exception-orders/${order.orderNo}/map-sku`, {
          lines: [{ lineNo: 1, sku: order.lines[0]!.sku }],
        }),
      );
      expect(map).toMatchObject({ status: 409, body: { error: { code: 'NOT_HELD' } } });
      expect(
        await unchanged(() => warehouse.post(`/v1/exception-orders/${order.orderNo}/release`, { waive: [] })),
      ).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ROLE' } } });
      expect((await getOrder(admin, order.orderNo)).exception).not.toBeNull();
    });
  });

  describe('an order held at intake', () => {
    let service: TestService;
    let erp: Session;
    let lead: Session;
    let desk: Session;

    beforeAll(async () => {
      service = await startCompany();
      erp = await service.login('erp', PASSWORD);
      lead = await service.login('cs-lead', PASSWORD);
      desk = await service.login('wh-hz', PASSWORD);
      await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
    });
    afterAll(() => service.close());

    const heldOrder = async (externalOrderNo: string): Promise<OrderRecord> =>
      (await lead.get(`/v1/orders?externalOrderNo=${externalOrderNo}`)).body.orders[0];

    it('is released by mapping its platform item to our SKU from the queue, and then ships', async () => {
      const held = await heldOrder('3620377712004451');
      expect(held.exception?.reasons[0]?.code).toBe('SKU_UNKNOWN');
      const unchanged = <T>(action: () => Promise<T>) => unchangedOn(lead, held.orderNo, action);
      expect(
        await unchanged(() => pushOne(lead, 'EXCEPTION_RESOLVE', { orderNo: held.orderNo, note: '放行' })),
      ).toMatchObject({ status: 'rejected', code: 'EXCEPTION_NEEDS_RELEASE' });

      const url = `/v1/exception-orders/${held.orderNo}/map-sku`;
      expect(await unchanged(() => desk.post(url, { lines: [{ lineNo: 1, sku: 'HM-AR-001' }] }))).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN_ROLE' } },
      });
      expect(await unchanged(() => lead.post(url, { lines: [{ lineNo: 1, sku: 'NO-SUCH-SKU' }] }))).toMatchObject({
        status: 404,
        body: { error: { code: 'SKU_NOT_FOUND' } },
      });
      expect((await unchanged(() => lead.post(url, { lines: [{ lineNo: 9, sku: 'HM-AR-001' }] }))).status).toBe(400);
      const mapped = await lead.post(url, { lines: [{ lineNo: 1, sku: 'HM-AR-001' }] });
      expect(mapped).toMatchObject({ status: 200, body: { released: [held.parentNo], held: [] } });

      const released = await getOrder(lead, held.orderNo);
      expect(released).toMatchObject({ exception: null, warehouseId: 'WH-HZ', status: 'PENDING_SHIPMENT' });
      expect(await shipAll(desk, released)).toMatchObject({ status: 'applied' });
      const audit = (await service.login('boss', PASSWORD)).get('/v1/admin/audit?target=shop:TM-HEMU');
      expect((await audit).body[0]).toMatchObject({ actor: 'service:cs-lead', action: 'mapping.put' });
    });

    it('is released when a supervisor accepts what the shop charged (amounts that do not add up)', async () => {
      const odd = exampleOrder(0, { externalOrderNo: 'AMOUNTS-1' });
      odd.amounts = { ...odd.amounts, paid: odd.amounts.paid - 100 };
      const posted = await erp.post('/v1/intake/orders', { orders: [odd] });
      expect(posted.body.results[0]).toMatchObject({ outcome: 'exception' });
      const held = await heldOrder('AMOUNTS-1');
      expect(held.exception?.reasons.map((r) => r.code)).toEqual(['AMOUNTS_MISMATCH']);

      const url = `/v1/exception-orders/${held.orderNo}/release`;
      expect(await unchangedOn(lead, held.orderNo, () => lead.post(url, { waive: [] }))).toMatchObject({
        status: 200,
        body: { released: [], held: [held.parentNo] },
      });
      expect((await unchangedOn(lead, held.orderNo, () => lead.post(url, { waive: ['NOT_A_REASON'] }))).status).toBe(
        400,
      );
      expect(await lead.post(url, { waive: ['AMOUNTS_MISMATCH'] })).toMatchObject({
        status: 200,
        body: { released: [held.parentNo], held: [] },
      });
      expect((await getOrder(lead, held.orderNo)).exception).toBeNull();
    });
  });
});
