import { afterEach, describe, expect, it } from 'vitest';
import { PddClient } from '../../../src/server/connectors/pdd/client';
import { fenOfYuan } from '../../../src/server/connectors/pdd/protocol';
import { startStub } from '../../../src/server/connectors/stub/start';
import type { RunningStub } from '../../../src/server/connectors/stub/server';

const HALF_HOUR = 1_800_000;
let stub: RunningStub | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

async function shop(orders = 60) {
  stub = await startStub({ platform: 'pdd', orders, seed: 11, throttleRate: 0 });
  const { appKey, appSecret, session } = stub.credentials;
  const client = new PddClient({
    gateway: stub.url,
    credentials: { clientId: appKey, clientSecret: appSecret, accessToken: session },
    timeoutMs: 2_000,
  });
  return { stub, client };
}

type Info = Record<string, unknown> & { item_list: Array<Record<string, unknown>> };

describe('the 拼多多 stub gateway', () => {
  it('lists every order by half-hour windows of update time, and answers each in full with amounts that add up', async () => {
    const { stub, client } = await shop(40);
    const now = Math.floor(Date.now() / 1000) * 1000;
    const seen: string[] = [];
    for (let end = now; end > now - 50 * 2 * HALF_HOUR; end -= HALF_HOUR) {
      const answer = await client.call('pdd.order.number.list.increment.get', {
        start_updated_at: (end - HALF_HOUR) / 1000 + 1,
        end_updated_at: end / 1000,
        order_status: 5,
        refund_status: 5,
        is_lucky_flag: 0,
        page: 1,
        page_size: 100,
      });
      if (!answer.ok) throw new Error(answer.failure.message);
      seen.push(...(answer.value.order_sn_list as Info[]).map((o) => String(o.order_sn)));
    }
    expect(seen.sort()).toEqual(
      stub.world
        .orders()
        .map((o) => o.id)
        .sort(),
    );
    for (const orderSn of seen.slice(0, 20)) {
      const answer = await client.call('pdd.order.information.get', { order_sn: orderSn });
      if (!answer.ok) throw new Error(answer.failure.message);
      const info = answer.value.order_info as Info;
      const fen = (k: string) => fenOfYuan(info[k])!;
      const goods = info.item_list.reduce((s, i) => s + fenOfYuan(i.goods_price)! * Number(i.goods_count), 0);
      expect(fen('goods_amount')).toBe(goods);
      expect(fen('discount_amount')).toBe(
        fen('seller_discount') + fen('platform_discount') + fen('capital_free_discount'),
      );
      expect(fen('pay_amount')).toBe(fen('goods_amount') - fen('discount_amount') + fen('postage'));
      expect(info.receiver_name).toBe(stub.world.find(orderSn)!.receiver.name);
    }
  });

  it('refuses a window longer than half an hour with the platform’s parameter error', async () => {
    const { client } = await shop(3);
    const now = Math.floor(Date.now() / 1000);
    const answer = await client.call('pdd.order.number.list.increment.get', {
      start_updated_at: now - 3600,
      end_updated_at: now,
      order_status: 5,
      refund_status: 5,
      is_lucky_flag: 0,
    });
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'PDD_10000' } });
  });

  it('refuses a wrong client_secret with 20004 and throttles with 70031', async () => {
    const { stub, client } = await shop(3);
    const orderSn = stub.world.orders()[0]!.id;
    const wrong = new PddClient({
      gateway: stub.url,
      credentials: { clientId: stub.credentials.appKey, clientSecret: 'nope', accessToken: stub.credentials.session },
    });
    expect(await wrong.call('pdd.order.information.get', { order_sn: orderSn })).toMatchObject({
      ok: false,
      failure: { kind: 'credentials', code: 'PDD_20004' },
    });
    stub.addFault({ kind: 'throttle', method: 'pdd.order.information.get', times: 1 });
    expect(await client.call('pdd.order.information.get', { order_sn: orderSn })).toMatchObject({
      ok: false,
      failure: { kind: 'throttled', code: 'PDD_70031' },
    });
    expect((await client.call('pdd.order.information.get', { order_sn: orderSn })).ok).toBe(true);
  });

  it('ships the first parcel online and uploads the second as an extra waybill', async () => {
    const { stub, client } = await shop(100);
    const order = stub.world.orders().find((o) => o.state === 'PAID' && o.refunds.length === 0)!;
    const first = await client.call('pdd.logistics.online.send', {
      order_sn: order.id,
      logistics_id: 44,
      tracking_number: 'SF1000000000001',
    });
    expect(first.ok && first.value.is_success).toBe(true);
    const extra = await client.call('pdd.order.upload.extra.logistics', {
      order_sn: order.id,
      extra_track_type: 1,
      extra_track_list: [{ shipping_id: 44, tracking_number: 'SF1000000000002' }],
    });
    expect(extra.ok && extra.value.success).toBe(true);
    const info = await client.call('pdd.order.information.get', { order_sn: order.id });
    expect(info.ok && info.value.order_info).toMatchObject({
      order_status: 2,
      logistics_id: 44,
      tracking_number: 'SF1000000000001',
      extra_delivery_list: [{ logistics_id: 44, tracking_number: 'SF1000000000002' }],
    });
  });

  it('lists a refund request and lets the seller agree to it', async () => {
    const { stub, client } = await shop(30);
    const order = stub.world.orders().find((o) => o.state === 'PAID' && o.refunds.length === 0)!;
    const refund = stub.world.requestRefund(order.id, Date.now())!;
    const now = Math.floor(Date.now() / 1000);
    const listed = await client.call('pdd.refund.list.increment.get', {
      after_sales_status: 1,
      after_sales_type: 1,
      start_updated_at: now - 60,
      end_updated_at: now,
    });
    if (!listed.ok) throw new Error(listed.failure.message);
    expect(listed.value.refund_list).toEqual([
      expect.objectContaining({ id: Number(refund.id), order_sn: order.id, after_sales_status: 2 }),
    ]);
    const info = await client.call('pdd.order.information.get', { order_sn: order.id });
    expect(info.ok && info.value.order_info).toMatchObject({ refund_status: 2 });
    const agreed = await client.call('pdd.refund.agree', {
      request: { after_sales_id: Number(refund.id), order_sn: order.id, operate_desc: '同意退款' },
    });
    expect(agreed.ok && agreed.value).toMatchObject({ result: { succ: true } });
  });
});
