import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * A shop's ERP receiving webhooks on loopback, as its developers would write one: it answers what
 * `answer` says (a failing receiver answers 500, a healthy one 200) and, when healthy, acts on an
 * event id once, however often the event arrives.
 */
export async function startReceiver(answer: (delivery: number) => number = () => 200, port = 0) {
  const deliveries: Delivery[] = [];
  const acted = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = answer(deliveries.length + 1);
      deliveries.push({ headers: request.headers, body, answered: status });
      const eventId = String(request.headers['x-order-event-id']);
      if (status === 200 && !acted.has(eventId)) acted.set(eventId, body);
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/hooks/order-service`,
    port: bound,
    deliveries,
    /** What the ERP acted on: each event once, by its idempotency key. */
    acted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nobody listens on (taken and let go): a dead receiver. */
export async function deadPort(): Promise<number> {
  const probe = await startReceiver();
  await probe.close();
  return probe.port;
}
