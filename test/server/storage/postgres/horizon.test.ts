import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../../src/server/auth/caller';
import { AddressQueue, realPause } from '../../../../src/server/auth/login-guard';
import { CodeVerifiers } from '../../../../src/server/redemption/verifier';
import { SessionCache } from '../../../../src/server/auth/sessions';
import { resolveConfig } from '../../../../src/server/config';
import type { Deps } from '../../../../src/server/deps';
import { openStore } from '../../../../src/server/storage/open';
import type { OrderWrite, Store, Tx } from '../../../../src/server/storage/repositories';
import { pull } from '../../../../src/server/sync/pull';
import { ManualClock } from '../../../../src/server/timers/clock';
import { createTestDatabase, type TestDatabase } from '../../../support/postgres';

/** The smallest order row a pull can send: only its number and change number matter here. */
const order = (orderNo: string, seq: number): OrderWrite => ({
  orderNo,
  parentNo: orderNo,
  kind: 'PHYSICAL',
  source: 'MALL',
  platform: 'APP',
  status: 'PENDING_SHIPMENT',
  paymentStatus: 'PAID',
  refundStatus: 'NONE',
  locked: false,
  hasException: false,
  merchantId: 'MCH-0001',
  warehouseId: 'WH-SH',
  storeId: null,
  dealerId: null,
  province: null,
  paymentChannel: null,
  createdAt: 0,
  paidAt: null,
  shippedAt: null,
  completedAt: null,
  payable: 0,
  searchText: orderNo.toLowerCase(),
  receiptExtended: false,
  confirmDueAt: null,
  seq,
  json: JSON.stringify({ orderNo }),
  trackingNos: [],
  shopId: null,
  externalOrderNo: null,
});

const ADMIN: Caller = {
  userId: 'U-admin',
  username: 'admin',
  displayName: 'admin',
  role: 'admin',
  scope: { all: true, warehouseIds: [], storeIds: [], dealerIds: [] },
};

/** A unit that has written an order and then waits, open, until `release` is called. */
function openUnit(store: Store, orderNo: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let written!: (seq: number) => void;
  const seqTaken = new Promise<number>((resolve) => (written = resolve));
  const done = store.unit(async (tx: Tx) => {
    const seq = await tx.sequence.next();
    await tx.orders.insert(order(orderNo, seq));
    written(seq);
    await released;
  });
  return { seqTaken, release, done };
}

async function pullNumbers(deps: Deps, cursor: string): Promise<{ orderNos: string[]; cursor: string }> {
  const page = JSON.parse((await pull(deps, ADMIN, cursor, 500)).toString()) as {
    changes: Array<{ order: { orderNo: string } }>;
    cursor: string;
  };
  return { orderNos: page.changes.map((c) => c.order.orderNo), cursor: page.cursor };
}

describe('the pull horizon on PostgreSQL', () => {
  let database: TestDatabase;
  let store: Store;
  let deps: Deps;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await openStore({ database: database.url, poolSize: 6 });
    const clock = new ManualClock(0);
    const config = resolveConfig();
    deps = {
      store,
      clock,
      config,
      loginQueue: new AddressQueue(realPause),
      sessions: new SessionCache(),
      codeVerifiers: new CodeVerifiers({ store, clock, config }),
    };
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('stays below a change number whose unit is still open, even after later numbers commit', async () => {
    const early = openUnit(store, 'EARLY');
    const a = await early.seqTaken;
    const b = await store.unit(async (tx) => {
      const seq = await tx.sequence.next();
      await tx.orders.insert(order('LATE', seq));
      return seq;
    });
    expect(b).toBeGreaterThan(a);
    expect(await store.unit((tx) => tx.sequence.current())).toBe(a - 1);

    early.release();
    await early.done;
    expect(await store.unit((tx) => tx.sequence.current())).toBe(b);
  });

  it('never lets a pull pass a change another unit commits late: it comes in the next pull', async () => {
    const before = await pullNumbers(deps, '');
    const slow = openUnit(store, 'SLOW');
    await slow.seqTaken;
    await store.unit(async (tx) => tx.orders.insert(order('FAST', await tx.sequence.next())));

    // FAST committed with a higher number than SLOW, which is still open: the pull holds both back.
    const during = await pullNumbers(deps, before.cursor);
    expect(during.orderNos).toEqual([]);

    slow.release();
    await slow.done;
    const after = await pullNumbers(deps, during.cursor);
    expect(after.orderNos).toEqual(['SLOW', 'FAST']);
  });

  it('forgets the number of a unit that rolled back', async () => {
    await expect(
      store.unit(async (tx) => {
        await tx.sequence.next();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const last = await store.unit(async (tx) => tx.sequence.next());
    expect(await store.unit((tx) => tx.sequence.current())).toBe(last);
  });

  it('keeps a unit protected when the savepoint that took its first number rolls back', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken!: (seq: number) => void;
    const second = new Promise<number>((resolve) => (taken = resolve));
    const unit = store.unit(async (tx) => {
      await tx
        .attempt(async () => {
          await tx.sequence.next();
          throw new Error('undone');
        })
        .catch(() => undefined);
      const seq = await tx.sequence.next();
      await tx.orders.insert(order('AFTER-SAVEPOINT', seq));
      taken(seq);
      await released;
    });
    const seq = await second;
    expect(await store.unit((tx) => tx.sequence.current())).toBeLessThan(seq);
    release();
    await unit;
    expect(await store.unit((tx) => tx.sequence.current())).toBeGreaterThanOrEqual(seq);
  });

  it('misses nothing and repeats nothing while 8 writers commit out of order under repeated pulls', async () => {
    const start = await pullNumbers(deps, '');
    const written = Array.from({ length: 120 }, (_v, i) => `W${String(i).padStart(3, '0')}`);
    const writers = (async () => {
      for (let i = 0; i < written.length; i += 8) {
        await Promise.all(
          written.slice(i, i + 8).map((orderNo, j) =>
            store.unit(async (tx) => {
              const seq = await tx.sequence.next();
              // Later writers of a batch finish first: commit order differs from number order.
              await new Promise((resolve) => setTimeout(resolve, (8 - j) * 3));
              await tx.orders.insert(order(orderNo, seq));
            }),
          ),
        );
      }
    })();
    const seen: string[] = [];
    let cursor = start.cursor;
    let writing = true;
    void writers.finally(() => (writing = false));
    while (writing) {
      const page = await pullNumbers(deps, cursor);
      seen.push(...page.orderNos);
      cursor = page.cursor;
    }
    await writers;
    seen.push(...(await pullNumbers(deps, cursor)).orderNos);
    expect([...seen].sort()).toEqual(written);
  });
});
