import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { mixSeed, Random } from '../../../shared/demo/random';
import { World, type StubPlatform } from './world';

/**
 * A platform's open-platform gateway, played on loopback for tests and the demo. The platform
 * part (taobao/stub.ts, pdd/stub.ts) checks credentials and signatures and answers methods in the
 * platform's own envelopes; this part is the HTTP server around it: parameters from the query and
 * a form or JSON body, random throttling with the platform's rate-limit error, faults a test asks
 * for, the record of every call, and the `/__` endpoints a test reads and steers the shop with.
 */

export interface Credentials {
  appKey: string;
  appSecret: string;
  session: string;
}

/** The documented defaults: what `npm run platform-stub` accepts unless told otherwise. */
export const STUB_CREDENTIALS: Record<StubPlatform, Credentials> = {
  taobao: { appKey: '12345678', appSecret: 'stub-taobao-secret', session: 'stub-taobao-session' },
  pdd: { appKey: 'stub-pdd-client', appSecret: 'stub-pdd-secret', session: 'stub-pdd-token' },
};

export interface GatewayAnswer {
  /** JSON text: TOP's numbers can exceed double precision, so each platform writes its own. */
  body: string;
  /** The platform's error code when the answer is an error envelope. */
  errorCode: string | null;
}

export interface Gateway {
  readonly path: string;
  /** The method a request names (TOP `method`, 拼多多 `type`). */
  methodOf(params: Readonly<Record<string, string>>): string;
  /** A credentials or signature problem, answered before anything else; null when the caller is who it says. */
  authenticate(params: Readonly<Record<string, string>>, now: number): GatewayAnswer | null;
  throttled(): GatewayAnswer;
  /** A business refusal of the method, for faults a test asks for (a write-back the platform keeps refusing). */
  refusal(method: string): GatewayAnswer;
  answer(params: Readonly<Record<string, string>>, now: number): GatewayAnswer;
}

export type FaultKind = 'http500' | 'hang' | 'throttle' | 'refuse' | 'garbage';

export interface Fault {
  kind: FaultKind;
  /** Only calls of this method; every method when absent. */
  method?: string;
  /** How many calls it hits; -1: every one until cleared. */
  times: number;
}

export interface CallRecord {
  at: number;
  method: string;
  params: Record<string, string>;
  outcome: 'ok' | 'error' | 'throttled' | FaultKind;
  errorCode: string | null;
}

export interface StubOptions {
  platform: StubPlatform;
  orders: number;
  seed?: number;
  port?: number;
  host?: string;
  credentials?: Partial<Credentials>;
  /** Share of authenticated calls answered with the rate-limit error; default 0. */
  throttleRate?: number;
  /** Every this many ms a few orders change; 0 (default): only when a test asks (POST /__tick). */
  changeMs?: number;
  /** Every this many ms a new order is placed; 0 (default): never. */
  arriveMs?: number;
  clock?: () => number;
}

export interface RunningStub {
  url: string;
  port: number;
  world: World;
  credentials: Credentials;
  calls(): CallRecord[];
  addFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const MAX_CALLS = 20_000;
const MAX_BODY = 1 << 20;

export async function startPlatformStub(
  options: StubOptions,
  makeGateway: (world: World, credentials: Credentials) => Gateway,
): Promise<RunningStub> {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  const credentials = { ...STUB_CREDENTIALS[options.platform], ...options.credentials };
  const world = new World({ platform: options.platform, orders: options.orders, seed, now: clock() });
  const gateway = makeGateway(world, credentials);
  const chance = new Random(mixSeed(seed, 0x7407));
  const calls: CallRecord[] = [];
  let faults: Fault[] = [];
  const sockets = new Set<Socket>();

  const record = (call: CallRecord) => {
    calls.push(call);
    if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
  };

  const takeFault = (method: string): Fault | null => {
    const fault = faults.find((f) => f.method === undefined || f.method === method);
    if (!fault) return null;
    if (fault.times > 0 && --fault.times === 0) faults = faults.filter((f) => f !== fault);
    return fault;
  };

  const control = async (req: IncomingMessage, path: string): Promise<[number, unknown]> => {
    const body = req.method === 'POST' ? parseJson(await readBody(req)) : {};
    const now = clock();
    switch (`${req.method} ${path}`) {
      case 'GET /__orders':
        return [
          200,
          { orders: world.orders().map((o) => ({ orderNo: o.id, state: o.state, modifiedAt: o.modifiedAt })) },
        ];
      case 'GET /__calls':
        return [200, { calls }];
      case 'POST /__faults':
        faults.push(parseFault(body));
        return [200, { faults }];
      case 'DELETE /__faults':
        faults = [];
        return [200, { faults }];
      case 'POST /__tick':
        return [200, { changed: world.tick(now, numberOr(body.changes, 3)).map((o) => o.id) }];
      case 'POST /__arrive':
        return [200, { orderNo: world.arrive(now).id }];
      case 'POST /__pay': {
        const paid = world.pay(String(body.orderNo ?? ''), now);
        return paid
          ? [200, { orderNo: paid.id, state: paid.state }]
          : [409, { error: 'no unpaid order of that number' }];
      }
      case 'POST /__refund': {
        const refund = world.requestRefund(String(body.orderNo ?? ''), now);
        return refund ? [200, { refund }] : [409, { error: 'no line of that order can be refunded now' }];
      }
      default:
        return [404, { error: `no ${req.method} ${path}` }];
    }
  };

  const serveGateway = async (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => {
    const params = { ...Object.fromEntries(query), ...parseParams(req.headers['content-type'], await readBody(req)) };
    const now = clock();
    const method = gateway.methodOf(params);
    const shown = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'sign'));
    const fault = takeFault(method);
    const reply = (answer: GatewayAnswer, outcome: CallRecord['outcome']) => {
      record({ at: now, method, params: shown, outcome, errorCode: answer.errorCode });
      send(res, 200, answer.body);
    };
    if (fault?.kind === 'hang') {
      record({ at: now, method, params: shown, outcome: 'hang', errorCode: null });
      return; // never answered: the caller's timeout must fire
    }
    if (fault?.kind === 'http500') {
      record({ at: now, method, params: shown, outcome: 'http500', errorCode: null });
      return send(res, 500, '<html><body>502 Bad Gateway</body></html>', 'text/html');
    }
    if (fault?.kind === 'garbage') {
      record({ at: now, method, params: shown, outcome: 'garbage', errorCode: null });
      return send(res, 200, '{"trades_sold_incr');
    }
    const refused = gateway.authenticate(params, now);
    if (refused) return reply(refused, 'error');
    if (fault?.kind === 'throttle' || chance.chance(options.throttleRate ?? 0)) {
      return reply(gateway.throttled(), 'throttled');
    }
    if (fault?.kind === 'refuse') return reply(gateway.refusal(method), 'refuse');
    const answer = gateway.answer(params, now);
    reply(answer, answer.errorCode === null ? 'ok' : 'error');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const work = url.pathname.startsWith('/__')
      ? control(req, url.pathname).then(([status, body]) => send(res, status, JSON.stringify(body)))
      : url.pathname === gateway.path || url.pathname === '/'
        ? serveGateway(req, res, url.searchParams)
        : Promise.resolve(send(res, 404, JSON.stringify({ error: 'not found' })));
    work.catch((error: unknown) => send(res, 400, JSON.stringify({ error: String(error) })));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });

  const timers = [
    options.changeMs ? setInterval(() => world.tick(clock()), options.changeMs) : null,
    options.arriveMs ? setInterval(() => world.arrive(clock()), options.arriveMs) : null,
  ].filter((t) => t !== null);
  for (const timer of timers) timer.unref();

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    world,
    credentials,
    calls: () => [...calls],
    addFault: (fault) => faults.push({ ...fault }),
    clearFaults: () => (faults = []),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json;charset=UTF-8'): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Form posts (both SDKs) or a JSON object body; values as the strings that were signed. */
function parseParams(type: string | undefined, body: string): Record<string, string> {
  if (body.trim() === '') return {};
  if (type?.includes('application/json')) {
    const parsed = parseJson(body);
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function parseJson(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  return value as Record<string, unknown>;
}

const FAULT_KINDS: readonly FaultKind[] = ['http500', 'hang', 'throttle', 'refuse', 'garbage'];

function parseFault(body: Record<string, unknown>): Fault {
  const kind = body.kind as FaultKind;
  if (!FAULT_KINDS.includes(kind)) throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  return {
    kind,
    ...(typeof body.method === 'string' ? { method: body.method } : {}),
    times: numberOr(body.times, 1),
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback;
}
