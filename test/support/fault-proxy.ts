import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A proxy on 127.0.0.1 in front of the real order service that misbehaves on demand, the way a
 * bad network does: it can let the service commit and then lose the answer, answer 500, hang,
 * cut a JSON body in half, refuse connections, or be slow.
 */
export type Fault =
  | { kind: 'drop-response' }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'garbage'; body: string }
  | { kind: 'delay'; ms: number };

interface Rule {
  fault: Fault;
  times: number;
  match: (method: string, path: string) => boolean;
}

export interface FaultProxy {
  url: string;
  port: number;
  /** Applies `fault` to the next `times` requests that match (default: every request). */
  inject(fault: Fault, options?: { times?: number; path?: string | RegExp; method?: string }): void;
  /** Every request until cleared. */
  always(fault: Fault, options?: { path?: string | RegExp; method?: string }): void;
  clear(): void;
  /** Stops listening: clients see connection refused until restore(). */
  refuse(): Promise<void>;
  restore(): Promise<void>;
  readonly counts: { forwarded: number; faulted: number };
  /** The path and query of every request passed on to the service, in order. */
  readonly forwarded: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, port = 0): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: Rule[] = [];
  const sockets = new Set<Socket>();
  const counts = { forwarded: 0, faulted: 0 };
  const forwarded: string[] = [];
  let server: Server;
  let listening = false;

  const take = (req: IncomingMessage): Fault | null => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const rule = rules.find((r) => r.times > 0 && r.match(req.method ?? 'GET', path));
    if (!rule) return null;
    rule.times -= 1;
    if (rule.times === 0) rules.splice(rules.indexOf(rule), 1);
    return rule.fault;
  };

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const out = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = take(req);
    if (fault) counts.faulted += 1;
    if (fault?.kind === 'hang') return; // the socket stays open until the client gives up or the proxy closes
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'application/json' });
      return res.end(fault.body ?? '{"error":{"code":"INTERNAL","message":"injected"}}');
    }
    if (fault?.kind === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(fault.body);
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    let answer;
    try {
      answer = await forward(req, body);
    } catch {
      res.writeHead(502, { 'content-type': 'application/json' });
      return res.end('{"error":{"code":"BAD_GATEWAY","message":"upstream unreachable"}}');
    }
    counts.forwarded += 1;
    forwarded.push(req.url ?? '/');
    // The service has committed whatever this request did; now the answer is lost on the way back.
    if (fault?.kind === 'drop-response') return req.socket.destroy();
    const headers = { ...answer.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    if (fault?.kind === 'truncate') {
      res.writeHead(answer.status, headers);
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      return req.socket.destroy();
    }
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const listen = (onPort: number) =>
    new Promise<void>((resolve, reject) => {
      server = createServer((req, res) => void handle(req, res).catch(() => req.socket.destroy()));
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        listening = true;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  await listen(port);
  const actualPort = (server!.address() as AddressInfo).port;
  const matcher =
    (path?: string | RegExp, method?: string) =>
    (m: string, p: string): boolean =>
      (method === undefined || method === m) &&
      (path === undefined || (typeof path === 'string' ? p === path : path.test(p)));

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    counts,
    forwarded,
    inject(fault, { times = 1, path, method } = {}) {
      rules.push({ fault, times, match: matcher(path, method) });
    },
    always(fault, { path, method } = {}) {
      rules.push({ fault, times: Number.POSITIVE_INFINITY, match: matcher(path, method) });
    },
    clear() {
      rules.length = 0;
    },
    refuse: stop,
    restore: () => (listening ? Promise.resolve() : listen(actualPort)),
    close: stop,
  };
}
