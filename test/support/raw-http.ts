import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/**
 * Sends bytes as they are over a socket and reads the answer until the server closes or has sent
 * its whole body: the requests a browser or fetch would refuse to send (broken escapes, huge
 * headers, garbage request lines) are exactly the ones a server must still answer well.
 */
export function rawRequest(url: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let data = '';
    const finish = () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: rest.join('\r\n\r\n') });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      const length = /content-length: (\d+)/i.exec(data)?.[1];
      const split = data.indexOf('\r\n\r\n');
      if (length !== undefined && split >= 0 && Buffer.byteLength(data.slice(split + 4)) >= Number(length)) {
        socket.end();
      }
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', reject);
    socket.write(request);
  });
}

/** A GET with `extra` header lines, addressed to the server's own loopback name. */
export const rawGet = (url: string, path: string, extra = ''): Promise<RawAnswer> => {
  const { host } = new URL(url);
  return rawRequest(url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`);
};
