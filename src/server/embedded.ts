/**
 * The demo company's order service as the desk starts it when no remote service is configured:
 * in a process of its own (the desk's main process never runs the service's code, and the two
 * do not share an event loop), on a free port of 127.0.0.1, seeded on first start. Started with
 * an IPC channel (child_process.fork), it first receives {demoPassword, codeVerifierCost,
 * platformOrders} (this run's password for the demo users, or null for the published one; the
 * scrypt N of its code verifiers, or null for the default; the orders each demo platform shop's
 * stub gateway holds, 0 for none), sends {url} once it listens, and stops when
 * the channel closes (the desk quit or died) or on SIGTERM.
 *
 *   fork('src/server/embedded.ts', [dataDir, demoOrders])
 */
import { startOrderService } from './index';

const [dataDir, demoOrders] = process.argv.slice(2);
if (!dataDir || !process.send) {
  console.error('the embedded order service is started by the desk (fork with an IPC channel)');
  process.exit(2);
}

const { demoPassword, codeVerifierCost, platformOrders } = await new Promise<{
  demoPassword: string | null;
  codeVerifierCost: number | null;
  platformOrders: number;
}>((resolve) =>
  process.once('message', (message: { demoPassword?: unknown; codeVerifierCost?: unknown; platformOrders?: unknown }) =>
    resolve({
      demoPassword: typeof message.demoPassword === 'string' ? message.demoPassword : null,
      codeVerifierCost: typeof message.codeVerifierCost === 'number' ? message.codeVerifierCost : null,
      platformOrders: typeof message.platformOrders === 'number' ? message.platformOrders : 0,
    }),
  ),
);
const service = await startOrderService({
  dataDir,
  demo: true,
  demoOrders: Number(demoOrders ?? 3000),
  port: 0,
  // The demo's 淘宝 and 拼多多 shops, fed by stub gateways: platform orders arrive as a demo runs.
  demoPlatformShops: platformOrders > 0 ? { orders: platformOrders, arriveMs: 20_000 } : null,
  ...(demoPassword === null ? {} : { demoPassword }),
  ...(codeVerifierCost === null ? {} : { codeVerifierCost: { N: codeVerifierCost, r: 8, p: 1 } }),
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  service.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('disconnect', stop);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.send({ url: service.url });
