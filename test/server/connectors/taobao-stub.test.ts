import { afterEach, describe, expect, it } from 'vitest';
import { formatChinaTime } from '../../../src/server/connectors/china-time';
import { TopClient } from '../../../src/server/connectors/taobao/client';
import { startStub } from '../../../src/server/connectors/stub/start';
import type { RunningStub } from '../../../src/server/connectors/stub/server';
import { yuanToFen } from '../../../src/shared/domain/money';

const HOUR = 3_600_000;
let stub: RunningStub | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

async function shop(orders = 60, throttleRate = 0) {
  stub = await startStub({ platform: 'taobao', orders, seed: 7, throttleRate });
  const client = new TopClient({ gateway: stub.url, credentials: stub.credentials, timeoutMs: 2_000 });
  return { stub, client };
}

const fen = (text: unknown) => yuanToFen(String(text)) ?? Number.NaN;
type Trade = Record<string, unknown> & { orders?: { order: Array<Record<string, unknown>> } };

describe('the 淘宝 stub gateway', () => {
  it('pages every trade modified in a window, newest first, each once', async () => {
    const { stub, client } = await shop(60);
    const now = Date.now();
    const seen: string[] = [];
    for (let end = now; end > now - 50 * HOUR; end -= 12 * HOUR) {
      for (let page = 1; ; page++) {
        const answer = await client.call('taobao.trades.sold.increment.get', {
          fields: 'tid,status,modified',
          start_modified: formatChinaTime(end - 12 * HOUR + 1000),
          end_modified: formatChinaTime(end),
          page_no: String(page),
          page_size: '20',
          use_has_next: 'true',
        });
        if (!answer.ok) throw new Error(answer.failure.message);
        const trades = (answer.value.trades as { trade: Trade[] }).trade;
        const modified = trades.map((t) => String(t.modified));
        expect(modified).toEqual([...modified].sort().reverse());
        seen.push(...trades.map((t) => String(t.tid)));
        if (!answer.value.has_next) break;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(
      stub.world
        .orders()
        .map((o) => o.id)
        .sort(),
    );
  });

  it('writes trade numbers as bare JSON numbers beside their exact text', async () => {
    const { stub } = await shop(3);
    const tid = stub.world.orders()[0]!.id;
    const client = new TopClient({ gateway: stub.url, credentials: stub.credentials });
    const answer = await client.call('taobao.trade.fullinfo.get', { fields: 'tid,tid_str', tid });
    expect(answer.ok && (answer.value.trade as Trade).tid_str).toBe(tid);
    expect(stub.calls().at(-1)).toMatchObject({ method: 'taobao.trade.fullinfo.get', outcome: 'ok' });
  });

  it('gives the full trade with receiver and amounts that add up', async () => {
    const { stub, client } = await shop(40);
    for (const order of stub.world.orders()) {
      const answer = await client.call('taobao.trade.fullinfo.get', {
        fields:
          'tid,tid_str,status,payment,total_fee,post_fee,discount_fee,receiver_name,receiver_mobile,orders,promotion_details',
        tid: order.id,
      });
      if (!answer.ok) throw new Error(answer.failure.message);
      const trade = answer.value.trade as Trade & {
        promotion_details: { promotion_detail: Array<{ discount_fee: string }> };
      };
      expect(trade.receiver_name).toBe(order.receiver.name);
      const lines = trade.orders!.order;
      expect(fen(trade.total_fee)).toBe(lines.reduce((s, l) => s + fen(l.price) * Number(l.num), 0));
      const promotions = trade.promotion_details.promotion_detail.reduce((s, p) => s + fen(p.discount_fee), 0);
      expect(fen(trade.discount_fee)).toBe(promotions);
      expect(fen(trade.payment)).toBe(fen(trade.total_fee) + fen(trade.post_fee) - fen(trade.discount_fee));
      expect(lines.reduce((s, l) => s + fen(l.payment), 0)).toBe(fen(trade.payment) - fen(trade.post_fee));
    }
  });

  it('refuses a request signed with the wrong secret with TOP’s own error', async () => {
    const { stub } = await shop(3);
    const client = new TopClient({
      gateway: stub.url,
      credentials: { ...stub.credentials, appSecret: 'not-the-secret' },
    });
    const answer = await client.call('taobao.trade.fullinfo.get', { fields: 'tid', tid: stub.world.orders()[0]!.id });
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'credentials', code: 'TOP_25' } });
    for (const signMethod of ['hmac', 'hmac-sha256'] as const) {
      const good = new TopClient({ gateway: stub.url, credentials: stub.credentials, signMethod });
      expect(
        (await good.call('taobao.trade.fullinfo.get', { fields: 'tid', tid: stub.world.orders()[0]!.id })).ok,
      ).toBe(true);
    }
  });

  it('throttles with the platform’s rate-limit error, answers 500 and hangs when a test asks', async () => {
    const { stub, client } = await shop(3);
    const tid = stub.world.orders()[0]!.id;
    const call = () => client.call('taobao.trade.fullinfo.get', { fields: 'tid', tid });
    stub.addFault({ kind: 'throttle', times: 1 });
    expect(await call()).toMatchObject({
      ok: false,
      failure: { kind: 'throttled', code: 'TOP_7:accesscontrol.limited-by-app-access-count', retryAfterMs: 1000 },
    });
    stub.addFault({ kind: 'http500', times: 1 });
    expect(await call()).toMatchObject({ ok: false, failure: { kind: 'transient', code: 'HTTP_500' } });
    stub.addFault({ kind: 'garbage', times: 1 });
    expect(await call()).toMatchObject({ ok: false, failure: { kind: 'transient', code: 'BAD_RESPONSE' } });
    stub.addFault({ kind: 'hang', times: 1 });
    const quick = new TopClient({ gateway: stub.url, credentials: stub.credentials, timeoutMs: 300 });
    expect(await quick.call('taobao.trade.fullinfo.get', { fields: 'tid', tid })).toMatchObject({
      ok: false,
      failure: { kind: 'transient', code: 'TIMEOUT' },
    });
    expect((await call()).ok).toBe(true);
    expect(stub.calls().map((c) => c.outcome)).toEqual(['throttled', 'http500', 'garbage', 'hang', 'ok']);
  });

  it('ships a trade in two parcels by sub-order and records what it was told', async () => {
    stub = await startStub({ platform: 'taobao', orders: 200, seed: 3 });
    const client = new TopClient({ gateway: stub.url, credentials: stub.credentials });
    const order = stub.world
      .orders()
      .find((o) => o.state === 'PAID' && o.lines.length === 2 && o.refunds.length === 0)!;
    const [first, second] = order.lines;
    const send = (line: typeof first, outSid: string) =>
      client.call('taobao.logistics.offline.send', {
        tid: order.id,
        out_sid: outSid,
        company_code: 'SF',
        is_split: '1',
        sub_tid: line!.lineId,
      });
    expect((await send(first, 'SF1000000000001')).ok).toBe(true);
    expect(stub.world.find(order.id)!.state).toBe('PAID');
    expect(await send(first, 'SF1000000000009')).toMatchObject({ ok: false, failure: { kind: 'refused' } });
    expect((await send(second, 'SF1000000000002')).ok).toBe(true);
    expect(stub.world.find(order.id)!.state).toBe('SHIPPED');
    const sent = stub.calls().filter((c) => c.method === 'taobao.logistics.offline.send' && c.outcome === 'ok');
    expect(sent.map((c) => [c.params.sub_tid, c.params.out_sid])).toEqual([
      [first!.lineId, 'SF1000000000001'],
      [second!.lineId, 'SF1000000000002'],
    ]);
  });

  it('lists a refund the buyer asks for, and takes the seller’s decision at the refund’s version', async () => {
    const { stub, client } = await shop(30);
    const order = stub.world.orders().find((o) => o.state === 'PAID' && o.refunds.length === 0)!;
    const asked = await fetch(`${stub.url}/__refund`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderNo: order.id }),
    });
    expect(asked.status).toBe(200);
    const now = Date.now();
    const listed = await client.call('taobao.refunds.receive.get', {
      fields: 'refund_id,tid,oid,status,refund_fee,refund_version,modified',
      start_modified: formatChinaTime(now - HOUR),
      end_modified: formatChinaTime(now + 1000),
    });
    if (!listed.ok) throw new Error(listed.failure.message);
    const refund = (listed.value.refunds as { refund: Array<Record<string, unknown>> }).refund.find(
      (r) => r.tid === order.id,
    )!;
    expect(refund.status).toBe('WAIT_SELLER_AGREE');
    const trade = await client.call('taobao.trade.fullinfo.get', { fields: 'orders', tid: order.id });
    expect(trade.ok && (trade.value.trade as Trade).orders!.order[0]!.refund_status).toBe('WAIT_SELLER_AGREE');
    const agreed = await client.call('taobao.rp.refunds.agree', {
      refund_infos: `${String(refund.refund_id)}|${fen(refund.refund_fee)}|${String(refund.refund_version)}|onsale`,
    });
    expect(agreed.ok && agreed.value.msg_code).toBe('OP_SUCC');
  });

  it('changes orders over time and lists them at /__orders', async () => {
    const { stub } = await shop(50);
    const before = stub.world.orders().map((o) => o.modifiedAt);
    await new Promise((r) => setTimeout(r, 1100));
    const ticked = (await (await fetch(`${stub.url}/__tick`, { method: 'POST', body: '{"changes":20}' })).json()) as {
      changed: string[];
    };
    expect(ticked.changed.length).toBeGreaterThan(0);
    const after = stub.world.orders().map((o) => o.modifiedAt);
    expect(after.filter((m, i) => m > before[i]!).length).toBe(new Set(ticked.changed).size);
    const listed = (await (await fetch(`${stub.url}/__orders`)).json()) as { orders: Array<{ orderNo: string }> };
    expect(listed.orders.map((o) => o.orderNo)).toEqual(stub.world.orders().map((o) => o.id));
  });
});
