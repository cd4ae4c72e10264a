import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntentResult, IntentType } from '../../src/shared/contract/sync';
import type { DataScope, Role } from '../../src/shared/domain/vocabulary';
import { startOrderService, type OrderServiceOptions, type SweepResult } from '../../src/server/index';
import { SharedClock } from './shared-clock';

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
  runDueTimers(): Promise<SweepResult>;
  login(username: string, password?: string): Promise<Session>;
  snapshot(): DbSnapshot;
  /** Writes fixture rows the demo company lacks (another merchant's store, say) straight into the database. */
  fixture(sql: string, ...params: unknown[]): void;
  close(): Promise<void>;
}

export type TestServiceOptions = Omit<OrderServiceOptions, 'dbFile' | 'dataDir' | 'port' | 'host' | 'clock'>;

/**
 * A real order service on 127.0.0.1 (any free port) with a fresh data directory and a manual clock
 * at TEST_START. Demo mode with a few hundred generated orders by default; timers never sweep on
 * their own (tests call runDueTimers after moving the clock); tokens last a year, so moving the
 * clock by weeks keeps sessions alive.
 */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-service-'));
  const clock = new SharedClock(TEST_START);
  const service = await startOrderService({
    demo: true,
    demoOrders: 400,
    timerIntervalMs: 0,
    tokenTtlMs: 365 * 24 * 3_600_000,
    ...options,
    dataDir,
    port: 0,
    host: '127.0.0.1',
    clock,
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

  return {
    url: service.url,
    clock,
    dataDir,
    runDueTimers: () => service.runDueTimers(),
    login,
    snapshot() {
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
        const { value } = db.prepare('SELECT value FROM sync_sequence').get() as { value: number };
        return { sequence: value, rows, orders: digest.digest('hex') };
      } finally {
        db.close();
      }
    },
    fixture(sql, ...params) {
      const db = new Database(dbFile, { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
