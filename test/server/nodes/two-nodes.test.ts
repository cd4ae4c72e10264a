import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, withConnection } from '../../support/postgres';
import { call, startTestService, type Loose, type Session, type TestService } from '../../support/service';
import { paidPhysical, placePaid, sku } from '../helpers';

/** Two service nodes on one PostgreSQL database, as behind a balancer. */
describe('two service nodes on one PostgreSQL database', () => {
  let a: TestService;
  let b: TestService;
  let admin: Session;
  let clerk: Session;
  let warehouse: Session;

  beforeAll(async () => {
    a = await startTestService({ store: 'postgres', demoOrders: 200 });
    b = await startTestService({ sharedDatabase: a.database!, demoOrders: 200 });
    admin = await a.login('admin');
    clerk = await a.login('clerk1');
    warehouse = await a.login('warehouse1');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** The same signed-in user, talking to another node: sessions live in the database. */
  const on = (node: TestService, session: Session) => ({
    post: (path: string, body: unknown) => call(`${node.url}${path}`, { method: 'POST', token: session.token, body }),
    get: (path: string) => call(`${node.url}${path}`, { token: session.token }),
  });

  it('redeems a code once when 50 parallel requests are split across both nodes', async () => {
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }],
      storeId: 'ST-01',
    });
    const code = await a.codeOf(order!);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_v, i) =>
        on(i % 2 === 0 ? a : b, clerk).post('/v1/redemptions/redeem', {
          code,
          storeId: 'ST-01',
          requestId: randomUUID(),
        }),
      ),
    );
    expect(answers.filter((x) => x.status === 200)).toHaveLength(1);
    const lost = answers.filter((x) => x.status === 409);
    expect(lost).toHaveLength(49);
    for (const x of lost)
      expect(x.body.error).toMatchObject({ code: 'ALREADY_REDEEMED', conflict: { storeId: 'ST-01' } });
    const after = (await on(b, admin).get(`/v1/orders/${order!.orderNo}`)).body as OrderRecord;
    expect(after.status).toBe('COMPLETED');
    expect(after.redemptionCode!.usesLeft).toBe(0);
    const rows = await a.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM redemptions WHERE order_no = ? AND state = 'applied'",
      order!.orderNo,
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('redeems at a store while another redemption there waits for its code: the limits are not held for it', async () => {
    const bought = await Promise.all(
      [0, 1].map(() =>
        placePaid(admin, { lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }], storeId: 'ST-01' }),
      ),
    );
    const [busy, free] = await Promise.all(bought.map(([order]) => a.codeOf(order!)));
    await withConnection(a.database!, async (desk) => {
      // Another unit holds the first code's row, as a slow redemption of it would.
      await desk.query('BEGIN');
      await desk.query('SELECT id FROM redemption_codes WHERE order_no = $1 FOR UPDATE', [bought[0]![0]!.orderNo]);
      const waiting = on(a, clerk).post('/v1/redemptions/redeem', {
        code: busy,
        storeId: 'ST-01',
        requestId: randomUUID(),
      });
      await waitForLockWait(a);
      const other = await Promise.race([
        on(b, clerk).post('/v1/redemptions/redeem', { code: free, storeId: 'ST-01', requestId: randomUUID() }),
        sleep(10_000).then(() => 'still waiting' as const),
      ]);
      await desk.query('ROLLBACK');
      expect(other === 'still waiting' ? other : other.status).toBe(200);
      expect((await waiting).status).toBe(200);
    });
  });

  it('counts 40 parallel wrong codes on both nodes as 40 guesses: 10 are looked up, 30 refused', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_v, i) =>
        on(i % 2 ? a : b, clerk).post('/v1/redemptions/verify', { code: String(100000 + i), storeId: 'ST-02' }),
      ),
    );
    const codes = answers.map((x) => x.body.error?.code as string);
    expect(codes.filter((c) => c === 'CODE_NOT_FOUND')).toHaveLength(10);
    expect(codes.filter((c) => c === 'CODE_ATTEMPTS_LIMITED')).toHaveLength(30);
    // Shared by the nodes: the next guess is refused on either.
    for (const node of [a, b]) {
      const next = await on(node, clerk).post('/v1/redemptions/verify', { code: '999999', storeId: 'ST-02' });
      expect(next.body.error.code).toBe('CODE_ATTEMPTS_LIMITED');
    }
  });

  it('counts 40 parallel wrong codes redeemed on both nodes as 40 guesses too: 10 are looked up, 30 refused', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_v, i) =>
        on(i % 2 ? a : b, admin).post('/v1/redemptions/redeem', {
          code: String(200000 + i),
          storeId: 'ST-01',
          requestId: randomUUID(),
        }),
      ),
    );
    const codes = answers.map((x) => x.body.error?.code as string);
    expect(codes.filter((c) => c === 'CODE_NOT_FOUND')).toHaveLength(10);
    expect(codes.filter((c) => c === 'CODE_ATTEMPTS_LIMITED')).toHaveLength(30);
  });

  it('gives each device its own code when 20 register at once on both nodes', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_v, i) =>
        on(i % 2 ? a : b, warehouse).post('/v1/devices/register', { deviceId: randomUUID() }),
      ),
    );
    const codes = answers.map((x) => x.body.deviceCode as number);
    expect(answers.every((x) => x.status === 200)).toBe(true);
    expect(new Set(codes).size).toBe(20);
    const same = randomUUID();
    const twice = await Promise.all(
      [a, b].map((node) => on(node, warehouse).post('/v1/devices/register', { deviceId: same })),
    );
    expect(twice[0]!.body.deviceCode).toBe(twice[1]!.body.deviceCode);
  });

  it('numbers checkouts placed at once on both nodes without a clash', async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_v, i) =>
        on(i % 2 ? a : b, admin).post('/v1/demo/orders', { lines: [{ sku: sku('VIRTUAL'), quantity: 1 }] }),
      ),
    );
    expect(answers.map((x) => x.status)).toEqual(Array(16).fill(200));
    const parents = answers.map((x) => (x.body.orders as OrderRecord[])[0]!.parentNo);
    expect(new Set(parents).size).toBe(16);
  });

  it('gives one tracking number to one order when two nodes ship two orders with it at once', async () => {
    const orders = await Promise.all([0, 1].map((i) => paidPhysical(admin, 'WH-SH', 1, 20 + i)));
    const deviceId = (await warehouse.device()).deviceId;
    const trackingNo = 'SF1500000000077';
    const answers = await Promise.all(
      orders.map((order, i) =>
        on(i ? a : b, warehouse).post('/v1/sync/push', {
          deviceId,
          intents: [
            warehouse.intent('SHIP', {
              orderNo: order.orderNo,
              parcels: [{ carrier: 'SF', trackingNo, lines: [{ lineNo: 1, quantity: 1 }] }],
            }),
          ],
        }),
      ),
    );
    const results = answers.map((x) => x.body.results[0]);
    expect(results.map((r: { status: string }) => r.status).sort()).toEqual(['applied', 'rejected']);
    expect(results.find((r: { status: string }) => r.status === 'rejected').code).toBe('TRACKING_IN_USE');
    const holders = await a.query<{ order_no: string }>(
      'SELECT order_no FROM waybill_numbers WHERE tracking_no = ?',
      trackingNo,
    );
    expect(holders).toHaveLength(1);
  });

  it('hands each waybill number of a pool to one desk when two reserve at once on both nodes', async () => {
    const loaded = await on(a, admin).post('/v1/admin/waybill-pools/load', {
      carrier: 'SF',
      warehouseId: 'WH-SH',
      range: { prefix: 'SF', from: 1600000000001, to: 1600000000040 },
    });
    expect(loaded.status).toBe(200);
    const reserve = (node: TestService, deviceId: string, reservation = randomUUID()) =>
      on(node, warehouse).post('/v1/waybill-numbers/reserve', {
        deviceId,
        carrier: 'SF',
        warehouseId: 'WH-SH',
        count: 15,
        reservation,
      });
    const blocks = await Promise.all([reserve(a, 'desk-a'), reserve(b, 'desk-b')]);
    const [first, second] = blocks.map((x) => x.body.trackingNos as string[]);
    expect(first).toHaveLength(15);
    expect(second).toHaveLength(15);
    expect(first!.filter((n) => second!.includes(n))).toEqual([]);
    // The same reservation asked of both nodes at once is one block.
    const same = randomUUID();
    const twice = await Promise.all([reserve(a, 'desk-c', same), reserve(b, 'desk-c', same)]);
    expect(twice[0]!.body.trackingNos).toEqual(twice[1]!.body.trackingNos);
    expect(twice[0]!.body.trackingNos).toHaveLength(10);
  });

  it('misses nothing and repeats nothing in pulls while both nodes write', async () => {
    const orders = await Promise.all(Array.from({ length: 6 }, (_v, i) => paidPhysical(admin, 'WH-SH', 1, i)));
    const deviceId = (await warehouse.device()).deviceId;
    const start = await warehouse.pullAll();
    let writing = true;
    const written: string[] = [];
    const writers = (async () => {
      for (let round = 0; round < 12; round++) {
        await Promise.all(
          orders.map((order, i) => {
            const text = `round ${round} on ${i % 2 ? 'a' : 'b'}`;
            written.push(`${order.orderNo}|${text}`);
            return on(i % 2 ? a : b, warehouse).post('/v1/sync/push', {
              deviceId,
              intents: [{ ...warehouse.intent('NOTE', { orderNo: order.orderNo, text }) }],
            });
          }),
        );
      }
    })().finally(() => (writing = false));

    const seqs: number[] = [];
    const latest = new Map<string, Loose>();
    let cursor = start.cursor;
    let turn = 0;
    const page = async () => {
      const node = turn++ % 2 ? a : b;
      const answer = await on(node, warehouse).get(`/v1/sync/pull?cursor=${cursor}&limit=7`);
      expect(answer.status).toBe(200);
      for (const change of answer.body.changes) {
        seqs.push(change.seq);
        if (change.type === 'order') latest.set(change.order.orderNo, change.order);
      }
      cursor = answer.body.cursor;
      return answer.body.hasMore as boolean;
    };
    while (writing) await page();
    await writers;
    while (await page());

    // Repeat nothing: every change number once, in increasing order.
    expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
    // Miss nothing: the last version pulled of each order carries every note both nodes wrote.
    for (const order of orders) {
      const notes = noteTexts(latest.get(order.orderNo));
      const expected = written.filter((w) => w.startsWith(`${order.orderNo}|`)).map((w) => w.split('|')[1]);
      expect(notes.sort(), order.orderNo).toEqual(expected.sort());
    }
  });

  it('sweeps the timers on one node at a time', async () => {
    await placePaid(admin, { lines: [{ sku: sku('VIRTUAL'), quantity: 1 }] });
    for (const node of [a, b]) node.clock.advance(31 * 60_000);
    const [first, second] = await Promise.all([a.runDueTimers(), b.runDueTimers()]);
    // One node swept (cancelling what was unpaid), the other found the sweep taken and did nothing.
    expect([first.cancelled, second.cancelled].filter((n) => n === 0)).toHaveLength(1);
  });

  it('loses nothing when a node is killed in the middle of a push: the desk resends to the other', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1, 7);
    const node = await startNodeProcess(a.database!);
    try {
      // That node runs on the real clock (the test's nodes on a frozen one): sign in through it.
      const signedIn = await call(`${node.url}/v1/auth/login`, {
        body: { username: 'warehouse1', password: 'demo1234' },
      });
      const token = signedIn.body.token as string;
      const deviceId = (await warehouse.device()).deviceId;
      const intents = Array.from({ length: 100 }, (_v, i) =>
        warehouse.intent('NOTE', { orderNo: order.orderNo, text: `note ${i}` }),
      );
      const sent = call(`${node.url}/v1/sync/push`, {
        method: 'POST',
        token,
        body: { deviceId, intents },
      }).catch(() => null);
      // Killed while its unit runs: the push's transaction is open on the database, uncommitted.
      await waitForOpenUnit(a);
      node.child.kill('SIGKILL');
      expect(await sent).toBeNull();
      // The desk never got its answer and resends the same intents, this time through node A.
      const again = await call(`${a.url}/v1/sync/push`, {
        method: 'POST',
        token,
        body: { deviceId, intents },
      });
      expect(again.status).toBe(200);
      expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(Array(100).fill('applied'));
      const stored = await a.query<{ id: string }>('SELECT id FROM intents WHERE order_no = ?', order.orderNo);
      expect(stored.map((r) => r.id).sort()).toEqual(intents.map((i) => i.id).sort());
      const notes = noteTexts((await on(a, admin).get(`/v1/orders/${order.orderNo}`)).body);
      expect(notes.sort()).toEqual(intents.map((i) => (i.payload as { text: string }).text).sort());
    } finally {
      node.child.kill('SIGKILL');
    }
  });
});

describe('two demo nodes started together on an empty PostgreSQL database', () => {
  it('seed the demo company once and both serve it', async () => {
    const database = await createTestDatabase();
    const nodes = await Promise.all(
      [0, 1].map(() => startTestService({ sharedDatabase: database.url, demoOrders: 50 })),
    );
    try {
      const users = await nodes[0]!.query<{ n: string }>('SELECT COUNT(*) AS n FROM users');
      const orders = await nodes[1]!.query<{ n: string }>('SELECT COUNT(*) AS n FROM orders');
      // admin, warehouse1, clerk1, dealer1, service1 and the ERP account erp1, each once.
      expect(Number(users[0]!.n)).toBe(6);
      expect(Number(orders[0]!.n)).toBeGreaterThanOrEqual(50);
      for (const node of nodes) expect((await node.login('admin')).user.role).toBe('admin');
    } finally {
      for (const node of nodes) await node.close();
      await database.drop();
    }
  });
});

/** A service node in its own process (so it can be killed), on the same database (already seeded). */
function startNodeProcess(database: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/cli.ts', '--demo', '--database', database, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    // Read to the end (never close the pipe early: the node would die writing to it).
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', () => reject(new Error(`the node did not start: ${output}`)));
  });
}

/**
 * Waits until a node's connection holds a transaction open that has written an intent (the push
 * to be killed is half done); the other node is idle meanwhile.
 */
async function waitForOpenUnit(node: TestService): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const open = await node.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
       WHERE s.datname = current_database() AND s.application_name = 'order-service'
         AND l.locktype = 'relation' AND l.relation = 'intents'::regclass AND l.mode = 'RowExclusiveLock'`,
    );
    if (Number(open[0]!.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('the push never opened a unit');
}

/** Waits until one of a node's units waits for a row lock another connection holds. */
async function waitForLockWait(node: TestService): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const waiting = await node.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'order-service' AND wait_event_type = 'Lock'`,
    );
    if (Number(waiting[0]!.n) > 0) return;
    await sleep(5);
  }
  throw new Error('no unit of the node ever waited for a lock');
}

/** The follow-up notes on an order, as its timeline records them. */
const noteTexts = (order: Loose): string[] =>
  ((order?.timeline ?? []) as Array<{ action: string; detail: string }>)
    .filter((entry) => entry.action === 'NOTE')
    .map((entry) => entry.detail);
