import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  DealerDraftInput,
  DealerDraftRow,
  DealerPromotions,
  DealerQuote,
  DealerSubmitOutcome,
  ExceptionItem,
} from '../../../src/shared/contract/api';
import type { CatalogueItem } from '../../../src/shared/contract/sync';
import { parseOrderNumber } from '../../../src/shared/domain/order-number';
import { localOrders, serviceOrders } from '../../support/convergence';
import type { TestDesk } from '../../support/desk';
import { useDeskWorld } from '../../support/world';

const value = async <T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

/** The worked example's shape: 2 of an item, freight 10.00, member 80%, benefit 15.00. */
const draftOf = (item: Pick<CatalogueItem, 'sku' | 'dealerPrice'>, quantity = 2): DealerDraftInput => ({
  dealerId: 'DL-01',
  buyer: { id: 'C-20931', account: '13916880021', level: '', name: '上海云启信息科技有限公司' },
  receiver: {
    name: '周敏',
    phone: '13916880021',
    province: '上海市',
    city: '上海市',
    district: '徐汇区',
    address: '漕溪北路88号圣爱大厦12楼',
    postcode: '200030',
  },
  lines: [{ sku: item.sku, quantity, unitPrice: item.dealerPrice }],
  freight: 1000,
  couponId: null,
  campaignId: null,
  memberRateBp: 8000,
  memberBenefit: 1500,
  pointsUsed: 0,
  invoice: null,
  remark: '',
  paymentChannel: 'BANK_TRANSFER',
});

describe('the dealer desk', () => {
  const world = useDeskWorld({ demoOrders: 100 });
  const dealerDesk = (dir?: string) => world.desk('dealer1', dir ? { dir } : {});
  const orderable = async (desk: TestDesk, minStock = 2): Promise<CatalogueItem> => {
    const items = await value<CatalogueItem[]>(desk.call('dealer.catalogue', { limit: 500 }));
    const item = items.find((i) => i.onSale && i.stock >= minStock && i.campaignId === null && i.dealerPrice > 3000);
    if (!item) throw new Error('no orderable item in the synced catalogue');
    return item;
  };

  it('searches the synced catalogue by name and SKU', async () => {
    const desk = await dealerDesk();
    const item = await orderable(desk);
    const bySku = await value<CatalogueItem[]>(desk.call('dealer.catalogue', { text: item.sku, limit: 5 }));
    expect(bySku.map((i) => i.sku)).toContain(item.sku);
    const byName = await value<CatalogueItem[]>(desk.call('dealer.catalogue', { text: item.name, limit: 50 }));
    expect(byName.map((i) => i.sku)).toContain(item.sku);
  });

  it('knows the coupons and campaigns the service synced to it: its own coupons, never another dealer’s', async () => {
    const desk = await dealerDesk();
    const promotions = await value<DealerPromotions>(desk.call('dealer.promotions', {}));
    expect(promotions.coupons.map((c) => c.id)).toEqual(['DCP-500-50', 'DCP-DL01-3000-200']);
    expect(promotions.campaigns).toContainEqual({
      id: 'DC-NEW50',
      name: '新品尝鲜 5折',
      thresholdFen: 0,
      rateBp: 5000,
      amountOff: null,
    });
    // Another dealer's coupon, named in a draft, is unknown here as it is at the service.
    const item = await orderable(desk);
    const quote = await value<DealerQuote>(
      desk.call('dealer.quote', { draft: { ...draftOf(item), couponId: 'DCP-DL02-2000-150' } }),
    );
    expect(quote.fieldErrors.couponId).toBe('COUPON_UNKNOWN');
  });

  it('quotes the domain’s worked example exactly with the synced launch campaign: payable 15.00', async () => {
    const desk = await dealerDesk();
    const [launch] = await value<CatalogueItem[]>(desk.call('dealer.catalogue', { text: '黑芝麻核桃粉', limit: 5 }));
    expect(launch).toMatchObject({ dealerPrice: 4500, campaignId: 'DC-NEW50' });
    const quote = await value<DealerQuote>(
      desk.call('dealer.quote', { draft: { ...draftOf(launch!), campaignId: 'DC-NEW50' } }),
    );
    expect(quote).toMatchObject({
      goodsTotal: 9000,
      freight: 1000,
      orderAmount: 10_000,
      memberDiscount: 2000,
      campaignDiscount: 5000,
      memberBenefit: 1500,
      couponDiscount: 0,
      payable: 1500,
      fieldErrors: {},
    });
  });

  it('closes the coupons while the goods’ campaign is met: a chosen coupon is refused, unless it was chosen first', async () => {
    const desk = await dealerDesk();
    const [launch] = await value<CatalogueItem[]>(desk.call('dealer.catalogue', { text: '黑芝麻核桃粉', limit: 5 }));
    // 12 × 45.00 + 10.00 reaches the coupon's 500.00; the launch campaign has no threshold at all.
    const draft = { ...draftOf(launch!, 12), couponId: 'DCP-500-50' };
    const refused = await value<DealerQuote>(desk.call('dealer.quote', { draft }));
    expect(refused).toMatchObject({ couponDiscount: 0, couponsAvailable: false });
    expect(refused.fieldErrors.couponId).toBe('CAMPAIGN_APPLIES');
    const submitted = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft }));
    expect(submitted).toMatchObject({ outcome: 'rejected', fieldErrors: { couponId: 'CAMPAIGN_APPLIES' } });

    const first = await value<DealerQuote>(desk.call('dealer.quote', { draft: { ...draft, couponChosenFirst: true } }));
    expect(first).toMatchObject({ couponDiscount: 5000, campaignDiscount: 0, couponsAvailable: true, fieldErrors: {} });
  });

  it('keeps a draft across a restart', async () => {
    const first = await dealerDesk();
    const item = await orderable(first);
    const { id } = await value<{ id: string }>(first.call('dealer.drafts.save', { draft: draftOf(item) }));
    const dir = first.dir;
    await first.close();
    const again = await dealerDesk(dir);
    const drafts = await value<DealerDraftRow[]>(again.call('dealer.drafts.list'));
    expect(drafts).toEqual([expect.objectContaining({ id, draft: draftOf(item) })]);
    await value(again.call('dealer.drafts.delete', { id }));
    expect(await value<DealerDraftRow[]>(again.call('dealer.drafts.list'))).toEqual([]);
  });

  it('submits offline: provisional with a D number, waiting to sync; accepted after sync', async () => {
    const desk = await dealerDesk();
    const item = await orderable(desk);
    const { id } = await value<{ id: string }>(desk.call('dealer.drafts.save', { draft: draftOf(item) }));
    await world.proxy.refuse();
    const outcome = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: draftOf(item), draftId: id }));
    expect(outcome).toMatchObject({ outcome: 'provisional', code: null });
    const parsed = parseOrderNumber(outcome.orderNo);
    expect(parsed).toMatchObject({ source: 'DEALER', childIndex: null });
    expect(outcome.orderNo.startsWith('D')).toBe(true);
    const local = localOrders(desk).get(`${outcome.orderNo}01`);
    const payable = item.dealerPrice * 2 + 1000 - Math.round((item.dealerPrice * 2 + 1000) / 5) - 1500;
    expect(local).toMatchObject({ source: 'DEALER', amounts: { payable } });
    const detail = await value<{ pendingSync: number }>(
      desk.call('orders.detail', { orderNo: `${outcome.orderNo}01` }),
    );
    expect(detail.pendingSync).toBe(1);
    expect(await value<DealerDraftRow[]>(desk.call('dealer.drafts.list'))).toEqual([]);

    await world.proxy.restore();
    const status = await desk.sync();
    expect(status.queued).toBe(0);
    expect(status.exceptions).toBe(0);
    const held = [...(await serviceOrders(world.service, 'dealer1')).values()].filter(
      (o) => o.parentNo === outcome.orderNo,
    );
    expect(held.length).toBeGreaterThan(0);
    expect(held.reduce((sum, o) => sum + o.amounts.payable, 0)).toBe(payable);
    expect(localOrders(desk).get(`${outcome.orderNo}01`)).toMatchObject({ status: 'PENDING_SHIPMENT' });
  });

  it('makes one order of a submission pressed twice, online or offline', async () => {
    const desk = await dealerDesk();
    const item = await orderable(desk);
    const parentsAtService = async () =>
      new Set([...(await serviceOrders(world.service, 'dealer1')).values()].map((o) => o.parentNo));
    const before = await parentsAtService();
    const submissionId = randomUUID();
    // Two presses at once, as a double click sends them.
    const [first, second] = await Promise.all([
      value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: draftOf(item), submissionId })),
      value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: draftOf(item), submissionId })),
    ]);
    expect(second.orderNo).toBe(first.orderNo);
    const again = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: draftOf(item), submissionId }));
    expect(again).toMatchObject({ orderNo: first.orderNo, outcome: 'accepted' });
    await desk.sync();
    const added = [...(await parentsAtService())].filter((no) => !before.has(no));
    expect(added).toEqual([first.orderNo]);

    await world.proxy.refuse();
    const offlineId = randomUUID();
    const queued = await value<DealerSubmitOutcome>(
      desk.call('dealer.submit', { draft: draftOf(item), submissionId: offlineId }),
    );
    const queuedAgain = await value<DealerSubmitOutcome>(
      desk.call('dealer.submit', { draft: draftOf(item), submissionId: offlineId }),
    );
    expect(queued).toMatchObject({ outcome: 'provisional' });
    expect(queuedAgain).toEqual(queued);
    const outbox = desk
      .db()
      .prepare("SELECT COUNT(*) FROM outbox WHERE type = 'CREATE_DEALER_ORDER' AND state IN ('queued', 'sending')")
      .pluck()
      .get();
    expect(outbox).toBe(1);
    await world.proxy.restore();
  });

  it('a stock rejection names the quantity; fixed and resubmitted under the same number, it is accepted', async () => {
    const desk = await dealerDesk();
    const item = await orderable(desk);
    const tooMany = draftOf(item, item.stock + 1);
    const quote = await value<DealerQuote>(desk.call('dealer.quote', { draft: tooMany }));
    expect(quote.fieldErrors['lines.0.quantity']).toBe('STOCK_LOW');
    const first = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: tooMany }));
    expect(first).toMatchObject({ outcome: 'rejected', fieldErrors: { 'lines.0.quantity': 'STOCK_SHORT' } });
    expect(localOrders(desk).has(`${first.orderNo}01`)).toBe(false);
    const inbox = await value<ExceptionItem[]>(desk.call('exceptions.list'));
    const exception = inbox.find((e) => e.type === 'CREATE_DEALER_ORDER' && e.orderNo === `${first.orderNo}01`);
    expect(exception).toBeDefined();

    const fixed = await value<DealerSubmitOutcome>(
      desk.call('dealer.submit', { draft: draftOf(item, 1), resubmitOf: exception!.id }),
    );
    expect(fixed).toMatchObject({ outcome: 'accepted', orderNo: first.orderNo, fieldErrors: {} });
    const after = await value<ExceptionItem[]>(desk.call('exceptions.list'));
    expect(after.find((e) => e.id === exception!.id)).toBeUndefined();
    const reason = desk.db().prepare('SELECT dismiss_reason FROM outbox WHERE id = ?').pluck().get(exception!.id);
    expect(reason).toBe(`resubmitted as ${first.orderNo}`);
    expect(localOrders(desk).get(`${first.orderNo}01`)).toMatchObject({ status: 'PENDING_SHIPMENT' });
  });
  it('sends a form the device knows to be wrong back at once: nothing queued, no number used', async () => {
    const desk = await dealerDesk();
    const item = await orderable(desk);
    const wrong = { ...draftOf(item), receiver: { ...draftOf(item).receiver, phone: '12345', address: ' ' } };
    const outcome = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: wrong }));
    expect(outcome).toEqual({
      orderNo: '',
      outcome: 'rejected',
      code: 'DEALER_ORDER_REJECTED',
      fieldErrors: { 'receiver.phone': 'PHONE_FORMAT', 'receiver.address': 'REQUIRED' },
    });
    const db = desk.db();
    expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'CREATE_DEALER_ORDER'").pluck().get()).toBe(0);
    const ok = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: draftOf(item) }));
    expect(ok.outcome).toBe('accepted');
    expect(ok.orderNo.endsWith('000001')).toBe(true);
  });

  it('says 必填 for an empty field and takes a walk-in customer without a buyer number', async () => {
    const desk = await dealerDesk();
    const item = await orderable(desk);
    const empty = { ...draftOf(item), receiver: { ...draftOf(item).receiver, name: ' ', phone: '' } };
    const refused = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: empty }));
    expect(refused.fieldErrors).toEqual({ 'receiver.name': 'REQUIRED', 'receiver.phone': 'REQUIRED' });

    const walkIn = { ...draftOf(item), buyer: { id: '', account: '', level: '', name: '' } };
    const accepted = await value<DealerSubmitOutcome>(desk.call('dealer.submit', { draft: walkIn }));
    expect(accepted.outcome).toBe('accepted');
    const order = localOrders(desk).get(`${accepted.orderNo}01`);
    expect(order?.buyer).toEqual({ id: 'WALKIN-DL-01', account: '13916880021', level: '', name: '周敏' });
  });
});
