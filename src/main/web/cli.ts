import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_USERS } from '../../shared/demo/users';
import electronLog from 'electron-log/node';
import { openDeskLogs } from '../diagnostics/desk-log';
import { startEmbeddedService } from '../app/embedded-service';
import { startDeskBackend } from '../backend/host';
import { loadOrCreateDeviceId } from '../session/device';
import { MemoryVault } from '../session/token-vault';
import { clientDirFor, deskStart } from '../settings/desk-settings';
import { startHttpBridge } from '../transport/http-bridge';
import { parseWebArgs } from './args';
import { ensureRendererBuilt } from './renderer-build';

/** The app's version, as package.json says it. */
const appVersion = (root: string): string =>
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Browser mode: the app's main process without Electron, serving the renderer and the same
 * backend (its writer and reader threads) over HTTP on 127.0.0.1. It is how this app runs end to
 * end where Electron cannot.
 */
async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  const root = process.cwd();
  const staticDir = args.build ? ensureRendererBuilt(root) : resolve(root, 'out', 'renderer');
  const dataDir = resolve(root, args.dataDir);
  // --service wins over the service saved in 设置, which wins over the embedded demo company.
  const start = deskStart(dataDir, { serviceUrl: args.serviceUrl }, { allowInsecure: args.allowHttp });
  const embedded = start.serviceUrl
    ? null
    : await startEmbeddedService(dataDir, args.demoOrders, {
        publicDemo: args.publicDemo,
        codeVerifierCost: args.codeVerifierCost,
        platformOrders: args.platformOrders,
      });
  const serviceUrl = start.serviceUrl ?? embedded!.url;
  const app = startDeskBackend(
    {
      dataDir: clientDirFor(dataDir, start.serviceUrl),
      serviceUrl,
      deviceId: loadOrCreateDeviceId(dataDir),
      demo: embedded !== null,
      ...(embedded ? { demoPassword: embedded.password } : {}),
      allowInsecureServiceUrl: args.allowHttp,
      versions: { app: appVersion(root), node: process.versions.node, mode: 'browser' },
      // Browser mode is restarted by whoever started it (npm run web), which 设置 says.
      settings: { dir: dataDir, start },
    },
    { vault: new MemoryVault(), logs: openDeskLogs(join(dataDir, 'logs'), electronLog) },
  );
  const bridge = await startHttpBridge({
    app,
    token: randomBytes(24).toString('base64url'),
    staticDir,
    port: args.port,
  });
  if (embedded) {
    const users = DEMO_USERS.map((u) => u.username).join(', ');
    console.log(
      `Order service (embedded demo company) at ${serviceUrl}: sign in as ${users} with password ${embedded.password}`,
    );
  } else {
    console.log(`Order service: ${serviceUrl}`);
  }
  console.log(`Order desk (browser mode): open ${bridge.url}`);

  const stop = async () => {
    await bridge.close();
    await app.close();
    await embedded?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
