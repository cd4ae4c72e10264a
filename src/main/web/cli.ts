import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { findDemoUser } from '../../shared/demo/users';
import { createCore } from '../core';
import { loadDemoOrders } from '../db/demo';
import { loadOrCreateDeviceId } from '../session/device';
import { sessionForDemoUser } from '../session/session';
import { startHttpBridge } from '../transport/http-bridge';
import { parseWebArgs } from './args';
import { ensureRendererBuilt } from './renderer-build';

/**
 * Browser mode: the app's main process without Electron, serving the renderer and the same
 * dispatcher over HTTP on 127.0.0.1. It is how this app runs end to end where Electron cannot.
 */
async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  const root = process.cwd();
  const user = findDemoUser(args.user);
  if (!user) throw new Error(`Unknown demo user ${args.user}`);
  const staticDir = args.build ? ensureRendererBuilt(root) : resolve(root, 'out', 'renderer');
  const dataDir = resolve(root, args.dataDir);
  const session = sessionForDemoUser(user, loadOrCreateDeviceId(dataDir));
  const core = createCore({ dbFile: resolve(dataDir, 'orders.sqlite'), session: () => session });

  const empty = (core.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n === 0;
  if (empty && args.demoOrders > 0) {
    const loaded = loadDemoOrders(core.db, { count: args.demoOrders, seed: 1, now: Date.now() });
    console.log(`Loaded ${loaded} demo orders into ${dataDir}`);
  }

  const bridge = await startHttpBridge({
    core,
    token: randomBytes(24).toString('base64url'),
    staticDir,
    port: args.port,
  });
  console.log(`Order desk (browser mode) as ${user.username}: open ${bridge.url}`);

  const stop = async () => {
    await bridge.close();
    core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
