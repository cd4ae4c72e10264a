import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface WireMeter {
  /** The service, seen through the meter. */
  url: string;
  /** Bytes that crossed it so far, each way, on every connection. */
  bytes(): { toService: number; fromService: number };
  close(): Promise<void>;
}

/**
 * A TCP relay in front of the order service that counts the bytes on the wire both ways (headers,
 * compressed bodies, everything a network would carry), so the first sync's bytes per order are
 * measured where a user's network would see them.
 */
export async function startWireMeter(serviceUrl: string): Promise<WireMeter> {
  const target = new URL(serviceUrl);
  let toService = 0;
  let fromService = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (chunk: Buffer) => (toService += chunk.length));
    upstream.on('data', (chunk: Buffer) => (fromService += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => ({ toService, fromService }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
