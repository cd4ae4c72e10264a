import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { pullResponse, type Change } from '../../../src/shared/contract/sync';
import { dealerPriceList } from '../../../src/server/demo/company';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, place, pushOne, SELF, sku } from '../helpers';

const orderChanges = (changes: Change[]) =>
  changes.filter((c): c is Extract<Change, { type: 'order' }> => c.type === 'order');

describe('pulling changes after a server-sequence cursor', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  let supervisor: Session;

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 600 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
    supervisor = await service.login('service1');
  });
  afterAll(() => service.close());

  it('pages a first sync in sequence order, and a pull from the last cursor is empty', async () => {
    const first = await admin.get('/v1/sync/pull?limit=100');
    const page = pullResponse.parse(first.body);
    expect(page.changes).toHaveLength(100);
    expect(page.hasMore).toBe(true);
    const seqs = page.changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(page.cursor).toBe(String(seqs.at(-1)));

    const { changes, cursor } = await admin.pullAll('', 250);
    expect(orderChanges(changes)).toHaveLength(600);
    const again = await admin.get(`/v1/sync/pull?cursor=${cursor}`);
    expect(again.body).toEqual({ changes: [], cursor, hasMore: false });
  });

  it('says, when asked, how many orders a first sync has ahead of it, from any cursor', async () => {
    const { changes } = await admin.pullAll('', 500);
    const orders = orderChanges(changes);
    const first = pullResponse.parse((await admin.get('/v1/sync/pull?limit=100&count=true')).body);
    expect(first.remaining).toBe(orders.length);
    const later = pullResponse.parse(
      (await admin.get(`/v1/sync/pull?limit=100&count=true&cursor=${first.cursor}`)).body,
    );
    expect(later.remaining).toBe(orders.filter((c) => c.seq > Number(first.cursor)).length);
    const warehouseOrders = orderChanges((await warehouse.pullAll('', 500)).changes).length;
    expect(pullResponse.parse((await warehouse.get('/v1/sync/pull?count=true')).body).remaining).toBe(warehouseOrders);
    expect(pullResponse.parse((await admin.get('/v1/sync/pull?limit=100')).body).remaining).toBeUndefined();
  });

  it('sends a page gzip-compressed to a client that accepts it, a fifth of its size', async () => {
    const url = `${service.url}/v1/sync/pull?limit=500`;
    const headers = { authorization: `Bearer ${admin.token}` };
    const plain = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' } });
    const zipped = await fetch(url, { headers: { ...headers, 'accept-encoding': 'gzip' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const plainBytes = Number(plain.headers.get('content-length'));
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(plainBytes / 3);
    // fetch inflates it: the very same page.
    expect(await zipped.json()).toEqual(await plain.json());
  });

  it('streams a first sync as Brotli to a desk that takes it, as gzip to one that takes only gzip', async () => {
    const url = `${service.url}/v1/sync/stream?limit=250`;
    const headers = { authorization: `Bearer ${admin.token}` };
    const answers = await Promise.all(
      ['identity', 'br, gzip', 'gzip'].map((encoding) =>
        fetch(url, { headers: { ...headers, 'accept-encoding': encoding } }),
      ),
    );
    expect(answers.map((a) => a.headers.get('content-encoding'))).toEqual([null, 'br', 'gzip']);
    // fetch inflates each: the very same pages, a line each.
    const [plain, brotli, gzip] = await Promise.all(answers.map((a) => a.text()));
    expect(plain!.split('\n').length).toBeGreaterThan(2);
    expect(brotli).toBe(plain);
    expect(gzip).toBe(plain);
  });

  it('misses nothing and echoes nothing when writes land between pages', async () => {
    // A first page past the catalogue's item barcodes (446 of them come first) and into the orders.
    const page1 = pullResponse.parse((await admin.get('/v1/sync/pull?limit=600')).body);
    const delivered = orderChanges(page1.changes).map((c) => c.order);
    const seen = delivered.find((o) => o.warehouseId === 'WH-SH')!;
    const all = await admin.pullAll(page1.cursor, 5000);
    const notYet = orderChanges(all.changes).find((c) => c.order.warehouseId === 'WH-SH')!.order;

    // Writes land while the first sync is half way: one on a delivered order, one on one still to come, a new order.
    expect(await pushOne(warehouse, 'NOTE', { orderNo: seen.orderNo, text: '已发短信提醒' })).toMatchObject({
      status: 'applied',
    });
    expect(await pushOne(warehouse, 'NOTE', { orderNo: notYet.orderNo, text: '已电话确认' })).toMatchObject({
      status: 'applied',
    });
    const [fresh] = await place(admin, {
      lines: [{ sku: sku('PHYSICAL', { merchantId: SELF, nth: 3 }), quantity: 1 }],
    });

    const rest = await admin.pullAll(page1.cursor, 150);
    const changes = [...page1.changes, ...rest.changes];
    const seqs = changes.map((c) => c.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const count = (orderNo: string) => orderChanges(changes).filter((c) => c.order.orderNo === orderNo).length;
    expect(count(seen.orderNo)).toBe(2); // as it was, then as changed
    expect(count(notYet.orderNo)).toBe(1); // only as changed: it had not been sent yet
    expect(count(fresh!.orderNo)).toBe(1);
    // What the client ends up with is what the service holds.
    const last = new Map(orderChanges(changes).map((c) => [c.order.orderNo, c.order]));
    for (const orderNo of [seen.orderNo, notYet.orderNo, fresh!.orderNo]) {
      expect(last.get(orderNo)).toEqual(await getOrder(admin, orderNo));
    }
    expect((await admin.get(`/v1/sync/pull?cursor=${rest.cursor}`)).body.changes).toEqual([]);
  });

  it('stays consistent while pushes run concurrently with a paged pull', async () => {
    const { cursor: start } = await admin.pullAll('', 5000);
    const targets = (await admin.get('/v1/orders?warehouseIds=WH-SH&limit=40')).body.orders as OrderRecord[];
    const pulling = admin.pullAll(start, 7);
    const pushing = Promise.all(
      targets.map((o, i) => pushOne(warehouse, 'NOTE', { orderNo: o.orderNo, text: `并发备注 ${i}` })),
    );
    const [pulled] = await Promise.all([pulling, pushing]);
    const tail = await admin.pullAll(pulled.cursor, 7);
    const changes = [...pulled.changes, ...tail.changes];
    expect(new Set(changes.map((c) => c.seq)).size).toBe(changes.length);
    const last = new Map(orderChanges(changes).map((c) => [c.order.orderNo, c.order]));
    for (const order of targets) expect(last.get(order.orderNo)).toEqual(await getOrder(admin, order.orderNo));
  });

  it('tells a desk to forget an order that moved to another warehouse (order_removed)', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1, 5);
    const { cursor } = await warehouse.pullAll('', 5000);
    const moved = await admin.post(`/v1/admin/orders/${order.orderNo}/transfer`, { warehouseId: 'WH-GZ' });
    expect(moved).toMatchObject({ status: 200, body: { warehouseId: 'WH-GZ' } });

    const desk = await warehouse.pullAll(cursor);
    expect(desk.changes).toEqual([expect.objectContaining({ type: 'order_removed', orderNo: order.orderNo })]);
    const everyone = await supervisor.pullAll(cursor);
    expect(everyone.changes).toEqual([
      expect.objectContaining({ type: 'order', order: expect.objectContaining({ warehouseId: 'WH-GZ' }) }),
    ]);
    // Moving it back brings it back to the desk as an order.
    await admin.post(`/v1/admin/orders/${order.orderNo}/transfer`, { warehouseId: 'WH-SH' });
    const back = await warehouse.pullAll(desk.cursor);
    expect(back.changes).toEqual([
      expect.objectContaining({ type: 'order', order: expect.objectContaining({ warehouseId: 'WH-SH' }) }),
    ]);
  });

  it('gives a dealer its catalogue with its prices and live stock; other roles get none', async () => {
    const dealer = await service.login('dealer1');
    const first = await dealer.pullAll('', 1000);
    const items = first.changes.filter((c) => c.type === 'catalogue').map((c) => c.item);
    const priceList = dealerPriceList('DL-01');
    expect(items).toHaveLength(priceList.length);
    const item = items.find((i) => i.sku === priceList[0]!.sku)!;
    expect(item).toMatchObject({ dealerPrice: priceList[0]!.price, onSale: expect.any(Boolean) });
    expect(item.dealerPrice).toBeLessThan(item.listPrice);

    // A mall order reserves stock of the same item: the dealer sees the new stock on its next pull.
    await place(admin, { lines: [{ sku: item.sku, quantity: 3 }] });
    const next = await dealer.pullAll(first.cursor);
    const updated = next.changes.filter((c) => c.type === 'catalogue').map((c) => c.item);
    expect(updated).toEqual([expect.objectContaining({ sku: item.sku, stock: item.stock - 3 })]);

    const { changes } = await warehouse.pullAll('', 5000);
    expect(changes.some((c) => c.type === 'catalogue')).toBe(false);
  });

  it('sends a dealer the campaigns and the coupons it may use, once; other roles get none', async () => {
    const dealer = await service.login('dealer1');
    const first = await dealer.pullAll('', 1000);
    const coupons = first.changes.flatMap((c) => (c.type === 'coupon' ? [c.coupon] : []));
    const campaigns = first.changes.flatMap((c) => (c.type === 'campaign' ? [c.campaign] : []));
    expect(coupons.map((c) => c.id)).toEqual(['DCP-500-50', 'DCP-DL01-3000-200']);
    expect(coupons[1]).toEqual({
      id: 'DCP-DL01-3000-200',
      name: '华东专享满3000减200',
      amountOff: 20_000,
      thresholdFen: 300_000,
      dealerId: 'DL-01',
    });
    expect(campaigns.map((c) => c.id)).toEqual(['DC-ZK95', 'DC-MJ2000', 'DC-NEW50']);
    const again = await dealer.pullAll(first.cursor);
    expect(again.changes.filter((c) => c.type === 'coupon' || c.type === 'campaign')).toEqual([]);

    const { changes } = await warehouse.pullAll('', 5000);
    expect(changes.some((c) => c.type === 'coupon' || c.type === 'campaign')).toBe(false);
  });

  it('refuses a cursor it never handed out', async () => {
    for (const cursor of ['abc', '-1', '1e3', '99999999999']) {
      const answer = await admin.get(`/v1/sync/pull?cursor=${cursor}`);
      expect(answer.status, cursor).toBe(400);
      expect(answer.body.error.code).toBe('BAD_CURSOR');
    }
    expect((await admin.get('/v1/sync/pull?limit=5001')).body.error.code).toBe('VALIDATION_FAILED');
  });
});
