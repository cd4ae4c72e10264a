import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedService, type EmbeddedService } from '../../../src/main/app/embedded-service';
import { call } from '../../support/service';

describe('the order service a desk starts for itself, in a process of its own', () => {
  let dir: string;
  let embedded: EmbeddedService | null = null;
  const login = (password: string) => call(`${embedded!.url}/v1/auth/login`, { body: { username: 'admin', password } });

  afterEach(async () => {
    await embedded?.close();
    embedded = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a random password for this run, not the published one, so nothing else on the machine can sign in', async () => {
    dir = mkdtempSync(join(tmpdir(), 'embedded-'));
    embedded = await startEmbeddedService(dir, 10, { publicDemo: false, platformOrders: 0 });
    expect(embedded.password).not.toBe('demo1234');
    expect(embedded.password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    expect(await login('demo1234')).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    expect((await login(embedded.password)).status).toBe(200);
  });

  it('takes the published password when started as the demo people try out', async () => {
    dir = mkdtempSync(join(tmpdir(), 'embedded-'));
    embedded = await startEmbeddedService(dir, 10, { publicDemo: true, platformOrders: 0 });
    expect(embedded.password).toBe('demo1234');
    expect((await login('demo1234')).status).toBe(200);
  });

  it('hashes its demo codes at the cost it is started with (tests seed cheaply), the production one otherwise', async () => {
    const verifierCost = async () => {
      const token = (await login('demo1234')).body.token as string;
      const verifiers: string[] = [];
      for (let cursor = '', more = true; more;) {
        const page = await call(`${embedded!.url}/v1/sync/pull?cursor=${cursor}&limit=500`, { token });
        for (const change of page.body.changes as Array<{ order?: { redemptionCode: { verifier: string } | null } }>) {
          if (change.order?.redemptionCode?.verifier) verifiers.push(change.order.redemptionCode.verifier);
        }
        [cursor, more] = [page.body.cursor as string, page.body.hasMore as boolean];
      }
      expect(verifiers.length).toBeGreaterThan(0);
      return [...new Set(verifiers.map((v) => v.split('$')[1]))];
    };
    dir = mkdtempSync(join(tmpdir(), 'embedded-'));
    embedded = await startEmbeddedService(dir, 200, { publicDemo: true, codeVerifierCost: 1024, platformOrders: 0 });
    expect(await verifierCost()).toEqual(['1024']);
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'embedded-'));
    embedded = await startEmbeddedService(dir, 200, { publicDemo: true, platformOrders: 0 });
    expect(await verifierCost()).toEqual(['32768']);
    // Two services seeded one after the other, the second hashing its codes at the production cost.
  }, 60_000);
});
