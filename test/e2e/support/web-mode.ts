import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebMode {
  url: string;
  origin: string;
  /** The order service this desk syncs with (the embedded one, or the one passed in). */
  serviceUrl: string;
  /** The embedded demo's password on this run (demo1234 for the public demo). */
  password: string;
  /** The embedded service's database, where a test playing the customer reads a code it issued. */
  serviceDb: string;
  stop(): Promise<void>;
}

/**
 * Starts `npm run web` exactly as a user would (own temp data folder, a free port, the embedded demo
 * order service) and waits for its URL.
 */
export async function startWebMode({
  demoOrders = 1000,
  service,
  publicDemo = true,
  platformOrders = 0,
}: { demoOrders?: number; service?: string; publicDemo?: boolean; platformOrders?: number } = {}): Promise<WebMode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-desk-e2e-'));
  const child = spawn(
    process.execPath,
    [
      'scripts/web.mjs',
      '--port',
      '0',
      '--data',
      dataDir,
      '--demo-orders',
      String(demoOrders),
      // Platform shops only where a spec wants them: their orders would change every list's counts.
      '--platform-orders',
      String(platformOrders),
      ...(service ? ['--service', service] : []),
      ...(publicDemo ? ['--public-demo'] : []),
      // Cheap code verifiers, as every test service has: seeding 20,000 orders at the production
      // cost hashes a thousand codes at a tenth of a second each, and outlasted the start's wait.
      '--code-verifier-cost',
      '1024',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let serviceUrl = service ?? '';
  let password = 'demo1234';
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      // Not left running behind a failed test (a large --demo-orders can take longer than this).
      child.kill('SIGTERM');
      reject(new Error(`web mode did not start:\n${output}`));
    }, 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const embedded = /Order service[^\n]*? at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (embedded?.[1] && !service) serviceUrl = embedded[1];
      const printed = /with password (\S+)/.exec(output);
      if (printed?.[1]) password = printed[1];
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    serviceUrl,
    password,
    serviceDb: join(dataDir, 'service', 'orders.sqlite'),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the sign-in screen and waits for the synced order list. The app keeps its
 * user signed in across page loads, so whoever is signed in signs out first.
 */
export async function signIn(page: Page, url: string, username: string, password = 'demo1234'): Promise<void> {
  await page.goto(url);
  const signOut = page.getByRole('button', { name: '退出登录' });
  await page.getByLabel('用户名').or(signOut).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // Each role lands on its own main screen: the order list (a real row, not one still loading), the
  // clerk's counter or the dealer's order entry.
  await page
    .locator('.tbody .tr[data-order-no]')
    .or(page.locator('.counter-screen'))
    .or(page.getByTestId('dealer-screen'))
    .first()
    .waitFor();
}
