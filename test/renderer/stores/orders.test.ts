import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderListRow, OrderListWindowInput } from '../../../src/shared/contract/orders';

/**
 * A desk whose answers the test releases one by one. Each query reads the store when it is
 * asked (as main does), and its answer travels back only when the test says so: that is how
 * an answer from before the first sync can reach the list after the sync has landed.
 */
const desk = vi.hoisted(() => {
  const pending: { procedure: string; input: unknown; release: () => void }[] = [];
  const state = { orders: 0 };
  return { pending, state };
});

vi.mock('../../../src/renderer/api/client', () => {
  const answer = (procedure: string, input: unknown) => {
    const total = desk.state.orders;
    if (procedure === 'orders.counts') return { ok: true, value: { all: total, byStatus: {} } };
    const { offset, limit = 200 } = input as OrderListWindowInput;
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      orderNo: `SO${String(offset + i).padStart(6, '0')}`,
    })) as OrderListRow[];
    return { ok: true, value: { total, offset, rows } };
  };
  const api = new Proxy(
    {},
    {
      get: (_target, procedure: string) => (input: unknown) =>
        new Promise((resolve) => {
          const value = answer(procedure, input);
          desk.pending.push({ procedure, input, release: () => resolve(value) });
        }),
    },
  );
  return { api, onEvent: () => () => undefined };
});

const { useOrders } = await import('../../../src/renderer/stores/orders');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Lets the oldest waiting answer of that procedure reach the store. */
async function release(procedure: 'orders.counts' | 'orders.window') {
  const index = desk.pending.findIndex((call) => call.procedure === procedure);
  if (index < 0) throw new Error(`nothing asked of ${procedure}`);
  const [call] = desk.pending.splice(index, 1);
  call?.release();
  await settle();
}
async function releaseAll() {
  while (desk.pending.length > 0) await release(desk.pending[0]!.procedure as 'orders.window');
}
const shown = () => {
  const { total, counts, rowAt } = useOrders.getState();
  return { total, all: counts?.all ?? null, first: rowAt(0)?.orderNo ?? null };
};

describe('the order list on a first sign-in, while the first sync lands', () => {
  beforeEach(() => {
    desk.pending.length = 0;
    desk.state.orders = 0;
    useOrders.getState().reset();
  });

  it('shows the synced orders even though its first answer, from before the sync, was empty', async () => {
    void useOrders.getState().reload();
    await release('orders.counts');
    await release('orders.window');
    expect(shown()).toEqual({ total: 0, all: 0, first: null });

    // The first sync lands and orders.changed asks the list again.
    desk.state.orders = 450;
    void useOrders.getState().reload();
    await releaseAll();

    expect(shown()).toEqual({ total: 450, all: 450, first: 'SO000000' });
  });

  it('keeps the newer answer when the empty one from before the sync arrives after it', async () => {
    void useOrders.getState().reload();
    await release('orders.counts');
    // The empty page is still on its way when the sync lands.
    desk.state.orders = 450;
    void useOrders.getState().reload();
    const stale = desk.pending.findIndex((call) => call.procedure === 'orders.window');
    const [emptyPage] = desk.pending.splice(stale, 1);
    await releaseAll();
    emptyPage?.release();
    await settle();

    expect(shown()).toEqual({ total: 450, all: 450, first: 'SO000000' });
  });

  it('counts the 全部 tab as the list it shows while the first sync lands between the two reads', async () => {
    desk.state.orders = 1400;
    void useOrders.getState().reload();
    // The rows come back (1,400); the sync goes on and the list asks again while the first counts,
    // read at 1,400, are still on their way.
    await release('orders.window');
    desk.state.orders = 1600;
    void useOrders.getState().reload();
    await releaseAll();
    expect(shown()).toEqual({ total: 1600, all: 1600, first: 'SO000000' });
  });

  it('asks for the rows and the counts at once, so the first rows do not wait for the counts', async () => {
    desk.state.orders = 300;
    void useOrders.getState().reload();
    expect(desk.pending.map((call) => call.procedure).sort()).toEqual(['orders.counts', 'orders.window']);
    await release('orders.window');
    expect(shown()).toEqual({ total: 300, all: null, first: 'SO000000' });
    await releaseAll();
    expect(shown()).toEqual({ total: 300, all: 300, first: 'SO000000' });
  });

  it('asks again after every change, even when a reload is still waiting for its answer', async () => {
    void useOrders.getState().reload();
    desk.state.orders = 200;
    void useOrders.getState().reload();
    desk.state.orders = 450;
    void useOrders.getState().reload();
    await releaseAll();

    expect(shown()).toEqual({ total: 450, all: 450, first: 'SO000000' });
  });

  it('keeps the rows on screen while a reload asks again, and shows the new ones when they come', async () => {
    desk.state.orders = 450;
    void useOrders.getState().reload();
    await releaseAll();
    desk.state.orders = 451;
    void useOrders.getState().reload();
    await release('orders.counts');
    // Asked, not answered yet: the old rows stay instead of flashing as placeholders.
    expect(shown()).toEqual({ total: 450, all: 451, first: 'SO000000' });
    await releaseAll();
    expect(shown()).toEqual({ total: 451, all: 451, first: 'SO000000' });
  });

  it('forgets the rows of the last filter at once when the filter changes', async () => {
    desk.state.orders = 450;
    void useOrders.getState().reload();
    await releaseAll();
    useOrders.getState().setText('张');
    expect(shown()).toEqual({ total: null, all: 450, first: null });
    await releaseAll();
  });

  it('shows a far page asked just before a reload, until the reload’s own answer replaces it', async () => {
    desk.state.orders = 450;
    void useOrders.getState().reload();
    await releaseAll();
    useOrders.getState().want(400, 449);
    // Orders change while that page is on its way.
    void useOrders.getState().reload();
    await release('orders.window');
    expect(useOrders.getState().rowAt(400)?.orderNo).toBe('SO000400');
    await releaseAll();
    expect(useOrders.getState().rowAt(400)?.orderNo).toBe('SO000400');
    expect(desk.pending).toHaveLength(0);
  });

  it('never shows a page of the last filter, even when it arrives late', async () => {
    desk.state.orders = 450;
    void useOrders.getState().reload();
    await release('orders.counts');
    // The first page of "all" is on its way when the user picks a tab.
    useOrders.getState().setStatus('PENDING_SHIPMENT');
    await release('orders.window');
    expect(useOrders.getState().rowAt(0)).toBeUndefined();
    await releaseAll();
  });
});
