/**
 * The demo company's order service as the desk starts it when no remote service is configured:
 * in a process of its own (the desk's main process never runs the service's code, and the two
 * do not share an event loop), on a free port of 127.0.0.1, seeded on first start. Node (browser
 * mode, tests) forks it with an IPC channel; Electron starts it as a utility process and talks over
 * its parent port (the packaged desk cannot run its binary as Node: the runAsNode fuse is off).
 * It first receives {demoPassword, codeVerifierCost, platformOrders} (this run's password for the
 * demo users, or null for the published one; the scrypt N of its code verifiers, or null for the
 * default; the orders each demo platform shop's stub gateway holds, 0 for none), sends {url} once
 * it listens, and stops when the channel closes (the desk quit or died) or on SIGTERM.
 *
 *   fork('src/server/embedded.ts', [dataDir, demoOrders])  or  utilityProcess.fork(service.js, …)
 */
import { startOrderService } from './index';

/** Electron's utility process: messages come and go over its parent port. */
interface ParentPort {
  once(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;

/** The desk's channel, whichever way it started this process. */
const channel = parentPort
  ? {
      onceMessage: (listener: (message: unknown) => void) => parentPort.once('message', (e) => listener(e.data)),
      send: (message: unknown) => parentPort.postMessage(message),
    }
  : process.send
    ? {
        onceMessage: (listener: (message: unknown) => void) => process.once('message', listener),
        send: (message: unknown) => process.send!(message as object),
      }
    : null;

const [dataDir, demoOrders] = process.argv.slice(2);
if (!dataDir || !channel) {
  console.error('the embedded order service is started by the desk (fork with an IPC channel, or a utility process)');
  process.exit(2);
}

const { demoPassword, codeVerifierCost, platformOrders } = await new Promise<{
  demoPassword: string | null;
  codeVerifierCost: number | null;
  platformOrders: number;
}>((resolve) =>
  channel.onceMessage((received) => {
    const message = (received ?? {}) as {
      demoPassword?: unknown;
      codeVerifierCost?: unknown;
      platformOrders?: unknown;
    };
    resolve({
      demoPassword: typeof message.demoPassword === 'string' ? message.demoPassword : null,
      codeVerifierCost: typeof message.codeVerifierCost === 'number' ? message.codeVerifierCost : null,
      platformOrders: typeof message.platformOrders === 'number' ? message.platformOrders : 0,
    });
  }),
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
// A forked service notices the desk going away by its channel closing; a utility process is ended
// by Electron with the app.
process.once('disconnect', stop);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
channel.send({ url: service.url });
