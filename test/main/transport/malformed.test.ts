import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/main/app/app';
import { MemoryVault } from '../../../src/main/session/token-vault';
import { startHttpBridge, type HttpBridge } from '../../../src/main/transport/http-bridge';
import { rawGet, rawRequest } from '../../support/raw-http';

const TOKEN = 'malformed-token-0123456789abcdef';

describe('the browser-mode bridge answers broken requests in its documented shape', () => {
  let dir: string;
  let bridge: HttpBridge;
  const base = () => `http://127.0.0.1:${bridge.port}`;
  const shaped = (body: string, code: string) =>
    expect(JSON.parse(body)).toEqual({ ok: false, error: { code, message: expect.any(String) } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>desk</title>');
    const app = createApp({
      dataDir: join(dir, 'client'),
      serviceUrl: 'http://127.0.0.1:9',
      vault: new MemoryVault(),
      deviceId: '00000000-0000-4000-8000-00000000b001',
      autoSync: false,
    });
    bridge = await startHttpBridge({ app, token: TOKEN, staticDir: dir, port: 0 });
  });
  afterAll(async () => {
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers GET /%E0%A4%A with 400, not 500', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%E0%A4%A.js', '/api/exports/%E0%A4%A']) {
      const answer = await rawGet(base(), path);
      expect(answer.status, path).toBe(400);
      shaped(answer.body, 'VALIDATION_FAILED');
    }
  });

  it('answers headers over the size limit with 431 and the shape', async () => {
    const answer = await rawGet(base(), '/', `X-Padding: ${'x'.repeat(40_000)}\r\n`);
    expect(answer.status).toBe(431);
    shaped(answer.body, 'TRANSPORT_FAILED');
  });

  it('answers a garbage request line with 400 and the shape', async () => {
    const answer = await rawRequest(base(), 'HELLO THERE\r\n\r\n');
    expect(answer.status).toBe(400);
    shaped(answer.body, 'TRANSPORT_FAILED');
  });

  it('still serves the page and its files', async () => {
    expect((await rawGet(base(), '/')).status).toBe(200);
    expect((await rawGet(base(), '/%69ndex.html')).status).toBe(200);
  });
});
