import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { Session, TestService } from '../../support/service';
import { EXAMPLE_BATCH, exampleOrder, PASSWORD, startCompany } from './company';

const outcomes = (body: { results: Array<{ outcome: string }> }) => body.results.map((r) => r.outcome);

describe('intake’s rules: once per order, bad input refused, shops kept apart', () => {
  let service: TestService;
  let erp: Session;
  let erpJd: Session;
  let boss: Session;

  beforeAll(async () => {
    service = await startCompany();
    erp = await service.login('erp', PASSWORD);
    erpJd = await service.login('erp-jd', PASSWORD);
    boss = await service.login('boss', PASSWORD);
  });
  afterAll(() => service.close());

  it('creates each order once when the same batch is posted 20 times at once', async () => {
    const batch = {
      orders: EXAMPLE_BATCH.orders.map((_o, i) => exampleOrder(i, { externalOrderNo: `PAR-${i}` })),
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => erp.post('/v1/intake/orders', batch)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const firsts = answers.flatMap((a) => outcomes(a.body)).filter((o) => o === 'created' || o === 'exception');
    expect(firsts).toHaveLength(3);
    expect(answers.flatMap((a) => outcomes(a.body)).filter((o) => o === 'unchanged')).toHaveLength(57);
    for (const [i] of batch.orders.entries()) {
      const found = await boss.get(`/v1/orders?externalOrderNo=PAR-${i}`);
      expect(found.body.orders).toHaveLength(1);
    }
    const numbers = new Set(answers.flatMap((a) => a.body.results.flatMap((r: { orderNos: string[] }) => r.orderNos)));
    expect(numbers.size).toBe(3);
  });

  it('rejects a malformed order on its own, naming the fields, while the rest of the batch applies', async () => {
    const good = exampleOrder(1, { externalOrderNo: 'MIX-1' });
    const broken = { ...exampleOrder(1, { externalOrderNo: 'MIX-2' }), lines: [], status: 'SHIPPED' };
    const posted = await erp.post('/v1/intake/orders', { orders: [broken, good, 'not an order'] });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body.results).toEqual([
      {
        externalOrderNo: 'MIX-2',
        outcome: 'rejected',
        orderNos: [],
        reasons: expect.arrayContaining([
          expect.objectContaining({ code: 'INVALID', path: 'status' }),
          expect.objectContaining({ code: 'INVALID', path: 'lines' }),
        ]),
      },
      expect.objectContaining({ externalOrderNo: 'MIX-1', outcome: 'created' }),
      {
        externalOrderNo: null,
        outcome: 'rejected',
        orderNos: [],
        reasons: [expect.objectContaining({ code: 'INVALID' })],
      },
    ]);
    const unknownShop = await boss.post('/v1/intake/orders', {
      orders: [exampleOrder(0, { shopId: 'PDD-NONE', externalOrderNo: 'NOSHOP-1' })],
    });
    expect(unknownShop.body.results[0]).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'SHOP_NOT_FOUND' }] });
  });

  it('answers 4xx for a batch that is not one, and changes nothing', async () => {
    const before = service.snapshot();
    const tooMany = {
      orders: Array.from({ length: 501 }, (_x, i) => exampleOrder(0, { externalOrderNo: `BIG-${i}` })),
    };
    for (const body of [
      {},
      { orders: [] },
      { orders: 'all of them' },
      tooMany,
      { orders: [exampleOrder(0)], extra: 1 },
    ]) {
      const answer = await erp.post('/v1/intake/orders', body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await erp.post('/v1/intake/orders', '{"orders": [')).body.error.code).toBe('MALFORMED_JSON');
    expect(service.snapshot()).toEqual(before);
  });

  it('refuses an order for another shop with 403 and writes nothing of the batch', async () => {
    const before = service.snapshot();
    const mixed = { orders: [exampleOrder(0, { externalOrderNo: 'OWN-1' }), exampleOrder(1, { shopId: 'JD-HEMU' })] };
    const refused = await erp.post('/v1/intake/orders', mixed);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'SHOP_NOT_IN_SCOPE' } } });
    expect(service.snapshot()).toEqual(before);
    // A desk account has no right to intake at all.
    const desk = await service.login('wh-hz', PASSWORD);
    expect((await desk.post('/v1/intake/orders', mixed)).body.error.code).toBe('FORBIDDEN_ROLE');
  });

  it('lets an integration account read its own shops’ orders only', async () => {
    const jdOrder = exampleOrder(1, { shopId: 'JD-HEMU', externalOrderNo: 'JD-0001' });
    expect(outcomes((await erpJd.post('/v1/intake/orders', { orders: [jdOrder] })).body)).toEqual(['created']);
    const shopsSeen = async (session: Session) => {
      const { changes } = await session.pullAll();
      return [
        ...new Set(changes.filter((c) => c.type === 'order').map((c) => (c.order as OrderRecord).external?.shopId)),
      ];
    };
    expect(await shopsSeen(erp)).toEqual(['TM-HEMU']);
    expect(await shopsSeen(erpJd)).toEqual(['JD-HEMU']);
    const listed = (await erpJd.get('/v1/orders?limit=500')).body.orders as OrderRecord[];
    expect(listed.map((o) => o.external?.externalOrderNo)).toEqual(['JD-0001']);
    const tmallNo = (await boss.get('/v1/orders?externalOrderNo=MIX-1')).body.orders[0].orderNo;
    expect((await erpJd.get(`/v1/orders/${tmallNo}`)).status).toBe(404);
    expect((await erp.get(`/v1/orders/${tmallNo}`)).status).toBe(200);
  });
});
