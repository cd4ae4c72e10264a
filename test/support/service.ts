import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntentResult, IntentType } from '../../src/shared/contract/sync';
import type { DataScope, Role } from '../../src/shared/domain/vocabulary';
import {
  startOrderService,
  type DeliveryRound,
  type OrderServiceOptions,
  type SweepResult,
} from '../../src/server/index';
import type { StoreLocation } from '../../src/server/storage/open';
import { SharedClock } from './shared-clock';
import type { PollReport } from '../../src/server/connectors/poller';
import { createTestDatabase, TEST_STORE, withConnection, type TestDatabase } from './postgres';

/** 14 March 2025, 10:00 in China: a weekday morning at the desks. */
export const TEST_START = Date.UTC(2025, 2, 14, 2, 0, 0);
export const DEMO_PASSWORD = 'demo1234';

/** Answers are read loosely in tests; the schemas that matter are checked where they matter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface HttpResult<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
}

/** One call over real HTTP; a body that is a string is sent as it is (to send broken JSON). */
export async function call<T = Loose>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: the raw text is the body
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export interface IntentInput {
  type: IntentType;
  payload: unknown;
  id?: string;
  seq?: number;
  clientTime?: number;
}

/** A signed-in user with their own registered device, as a desk would be. */
export interface Session {
  token: string;
  user: { id: string; username: string; displayName: string; role: Role; scope: DataScope };
  get<T = Loose>(path: string): Promise<HttpResult<T>>;
  post<T = Loose>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult<T>>;
  /** Registers this session's device once and answers its code. */
  device(): Promise<{ deviceId: string; deviceCode: number }>;
  /** Pushes intents from this session's device; ids and sequence numbers are filled in. */
  push(intents: IntentInput[]): Promise<HttpResult<{ results: IntentResult[] }>>;
  /** Builds an intent as the client's outbox would. */
  intent(type: IntentType, payload: unknown): Required<IntentInput>;
  /** Pulls every page from `cursor` on; answers the changes and the last cursor. */
  pullAll(cursor?: string, limit?: number): Promise<{ changes: Loose[]; cursor: string; pages: number }>;
}

export interface DbSnapshot {
  sequence: number;
  rows: Record<string, number>;
  /** A digest of every order's record and sequence. */
  orders: string;
}

export interface TestService {
  url: string;
  /** Moved by the test; the desks' threads read it too. */
  clock: SharedClock;
  dataDir: string;
  /** Which store this service runs on; `database` is its PostgreSQL URL when it is PostgreSQL. */
  store: 'sqlite' | 'postgres';
  database: string | null;
  runDueTimers(): Promise<SweepResult>;
  deliverOutbound(): Promise<DeliveryRound>;
  /** Polls every shop connected to a platform that is due now (by the test's clock). */
  pollConnectors(): Promise<PollReport[]>;
  login(username: string, password?: string): Promise<Session>;
  snapshot(): Promise<DbSnapshot>;
  /**
   * Writes fixture rows the demo company lacks (another merchant's store, say) straight into the
   * database. Plain SQL both engines accept, values as `?`.
   */
  fixture(sql: string, ...params: unknown[]): Promise<void>;
  /** Reads rows straight from the database, to check what the service stored. Same SQL rules as fixture. */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** The code the service issued for an order: what its buyer types at the counter. */
  codeOf(order: { orderNo: string }): Promise<string>;
  close(): Promise<void>;
}

export type TestServiceOptions = Omit<OrderServiceOptions, 'dbFile' | 'dataDir' | 'port' | 'host' | 'clock'> & {
  /** Default: the store of the vitest project (ORDER_TEST_STORE). */
  store?: 'sqlite' | 'postgres';
  /** Another node on this database (PostgreSQL): the service starts on it and does not drop it. */
  sharedDatabase?: string;
  /** Runs on the fresh store before the service starts (a company's set-up, its users). */
  before?: (location: StoreLocation) => Promise<void>;
};

/** Every table whose rows carry a change number: the highest one in use says whether anything changed. */
const NUMBERED = ['orders', 'order_exits', 'products', 'campaigns', 'coupons'];

async function postgresSnapshot(url: string): Promise<DbSnapshot> {
  return withConnection(url, async (client) => {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`,
      )
    ).rows.map((t) => t.name);
    const rows: Record<string, number> = {};
    for (const t of tables) rows[t] = Number((await client.query(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0].n);
    const digest = createHash('sha256');
    const orders = await client.query<{ seq: string; record: string }>(
      'SELECT seq, record::text AS record FROM orders ORDER BY order_no',
    );
    for (const row of orders.rows) digest.update(`${row.seq}:${row.record}\n`);
    const highest = await client.query<{ m: string | null }>(
      `SELECT MAX(seq) AS m FROM (${NUMBERED.map((t) => `SELECT MAX(seq) AS seq FROM ${t}`).join(' UNION ALL ')}) s`,
    );
    return { sequence: Number(highest.rows[0]?.m ?? 0), rows, orders: digest.digest('hex') };
  });
}

function sqliteSnapshot(dbFile: string): DbSnapshot {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    ).map((t) => t.name);
    const rows = Object.fromEntries(
      tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    );
    const digest = createHash('sha256');
    for (const row of db.prepare('SELECT seq, record FROM orders ORDER BY order_no').iterate() as Iterable<{
      seq: number;
      record: string;
    }>) {
      digest.update(`${row.seq}:${row.record}\n`);
    }
    const highest = db
      .prepare(
        `SELECT MAX(seq) AS m FROM (${NUMBERED.map((t) => `SELECT MAX(seq) AS seq FROM ${t}`).join(' UNION ALL ')})`,
      )
      .get() as { m: number | null };
    return { sequence: highest.m ?? 0, rows, orders: digest.digest('hex') };
  } finally {
    db.close();
  }
}

/**
 * A real order service on 127.0.0.1 (any free port) with a fresh data directory and a manual clock
 * at TEST_START. Demo mode with a few hundred generated orders by default; timers never sweep on
 * their own (tests call runDueTimers after moving the clock); tokens last a year, so moving the
 * clock by weeks keeps sessions alive.
 */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const {
    store = options.sharedDatabase ? 'postgres' : TEST_STORE,
    sharedDatabase,
    before,
    ...serviceOptions
  } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'order-service-'));
  const clock = new SharedClock(TEST_START);
  const owned: TestDatabase | null = store === 'postgres' && !sharedDatabase ? await createTestDatabase() : null;
  const database = sharedDatabase ?? owned?.url ?? null;
  await before?.(database ? { database, poolSize: 2 } : { dataDir });
  const service = await startOrderService({
    demo: true,
    demoOrders: 400,
    timerIntervalMs: 0,
    outboundIntervalMs: 0,
    // Platform shops are polled when a test says (pollConnectors), like timers and deliveries.
    pollMs: 0,
    tokenTtlMs: 365 * 24 * 3_600_000,
    // Verifiers at a cost tests can afford (2 ms instead of 0.1 s a code); the format is the same.
    codeVerifierCost: { N: 2 ** 10, r: 8, p: 1 },
    poolSize: 6,
    ...serviceOptions,
    ...(database ? { database } : {}),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    clock,
  }).catch(async (error: unknown) => {
    await owned?.drop();
    throw error;
  });
  const dbFile = join(dataDir, 'orders.sqlite');

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const answer = await call(`${service.url}/v1/auth/login`, { body: { username, password } });
    if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const { token, user } = answer.body as { token: string; user: Session['user'] };
    let device: { deviceId: string; deviceCode: number } | null = null;
    let seq = 0;
    const session: Session = {
      token,
      user,
      get: (path) => call(`${service.url}${path}`, { token }),
      post: (path, body, headers) => call(`${service.url}${path}`, { method: 'POST', token, body, headers }),
      async device() {
        if (!device) {
          const deviceId = randomUUID();
          const registered = await session.post('/v1/devices/register', { deviceId });
          if (registered.status !== 200) throw new Error(`register: ${JSON.stringify(registered.body)}`);
          device = { deviceId, deviceCode: registered.body.deviceCode };
        }
        return device;
      },
      intent: (type, payload) => ({ id: randomUUID(), seq: ++seq, type, payload, clientTime: clock.now() }),
      async push(intents) {
        const { deviceId } = await session.device();
        return session.post('/v1/sync/push', {
          deviceId,
          intents: intents.map((i) => ({ ...session.intent(i.type, i.payload), ...i })),
        });
      },
      async pullAll(from = '', limit = 500) {
        const changes: Loose[] = [];
        let cursor: string = from;
        let pages = 0;
        for (;;) {
          const page: HttpResult = await session.get(`/v1/sync/pull?cursor=${cursor}&limit=${limit}`);
          if (page.status !== 200) throw new Error(`pull: ${page.status} ${JSON.stringify(page.body)}`);
          pages++;
          changes.push(...page.body.changes);
          cursor = page.body.cursor;
          if (!page.body.hasMore) return { changes, cursor, pages };
        }
      },
    };
    return session;
  }

  /** One statement straight on the database, as `?` SQL both engines accept. */
  async function direct<T>(
    sql: string,
    params: unknown[],
    onSqlite: (statement: Database.Statement) => T,
  ): Promise<T | unknown[]> {
    if (database) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return withConnection(database, async (client) => (await client.query(text, params)).rows);
    }
    const db = new Database(dbFile, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      return onSqlite(db.prepare(sql));
    } finally {
      db.close();
    }
  }

  return {
    url: service.url,
    clock,
    dataDir,
    store,
    database,
    runDueTimers: () => service.runDueTimers(),
    deliverOutbound: () => service.deliverOutbound(),
    pollConnectors: () => service.connectors.pollDue(),
    login,
    snapshot: () => (database ? postgresSnapshot(database) : Promise.resolve(sqliteSnapshot(dbFile))),
    async fixture(sql, ...params) {
      await direct(sql, params, (statement) => statement.run(...params));
    },
    query: <T>(sql: string, ...params: unknown[]) =>
      direct(sql, params, (statement) => statement.all(...params) as T[]) as Promise<T[]>,
    async codeOf(order) {
      const [row] = (await direct(
        'SELECT code FROM redemption_codes WHERE order_no = ?',
        [order.orderNo],
        (statement) => statement.all(order.orderNo),
      )) as Array<{ code: string }>;
      if (!row) throw new Error(`order ${order.orderNo} has no code`);
      return row.code;
    },
    async close() {
      await service.close();
      await owned?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
