import { fork } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EmbeddedService {
  url: string;
  /** What the demo users sign in with on this run. */
  password: string;
  close(): Promise<void>;
}

/** How long seeding the demo company may take on a slow machine before the desk gives up. */
const START_LIMIT_MS = 10 * 60_000;
/** The demo's published password (src/server/demo/company.ts), for the demo people try out on purpose. */
const PUBLISHED_PASSWORD = 'demo1234';
/** Orders each demo platform shop's stub gateway holds when the desk starts the demo itself. */
export const DEMO_PLATFORM_ORDERS = 40;

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 16 characters of a 31-letter alphabet (~79 bits), in groups of four so a person can type it. */
export function runPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * The embedded service's process as the desk talks to it: one message each way (its settings in,
 * its address out), its exit, and a stop.
 */
export interface ServiceProcess {
  send(message: unknown): void;
  onceMessage(listener: (message: unknown) => void): void;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  running(): boolean;
  kill(): void;
}

/** Starts `file` with `args` as a process of its own that can message the desk. */
export type ServiceLauncher = (file: string, args: string[], execArgv: string[]) => ServiceProcess;

/**
 * Node's way (browser mode, tests): child_process.fork with an IPC channel. Electron's binary would
 * need ELECTRON_RUN_AS_NODE for it, which the packaged desk's fuses refuse: Electron passes
 * src/main/shell/utility-service.ts (utilityProcess) instead.
 */
export const forkLauncher: ServiceLauncher = (file, args, execArgv) => {
  const child = fork(file, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    send: (message) => child.send(message as object),
    onceMessage: (listener) => child.once('message', listener),
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    kill: () => child.kill('SIGTERM'),
  };
};

/**
 * The order service's entry for the embedded demo company: the built `service.js` beside main's
 * bundle, or the TypeScript source under tsx (browser mode, tests). Main never imports the
 * service's code: it starts it as a process (src/server/embedded.ts says how).
 */
function serviceEntry(): { file: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? { file: fileURLToPath(new URL('../../server/embedded.ts', import.meta.url)), execArgv: ['--import', 'tsx'] }
    : { file: fileURLToPath(new URL('./service.js', import.meta.url)), execArgv: [] };
}

/**
 * With no remote order service configured, the app starts the demo company's service as a process
 * of its own, so a newcomer has a working system with one command. Its data sits beside the
 * client's. It runs on its own event loop and CPU share, and it ends with the desk. Node (browser
 * mode, tests) forks it; Electron starts it as a utility process (`launch`), since the packaged
 * desk's runAsNode fuse is off. The demo users' password is random for each run (the desk shows it
 * on its sign-in screen): any program or user on the machine can reach a loopback port, and the
 * published password would let them in. Only the demo people try out on purpose (`publicDemo`)
 * takes the published one. The password goes to the service as a message, never on its command
 * line.
 */
export function startEmbeddedService(
  dataDir: string,
  demoOrders: number,
  {
    publicDemo,
    codeVerifierCost = null,
    platformOrders = DEMO_PLATFORM_ORDERS,
    launch = forkLauncher,
  }: { publicDemo: boolean; codeVerifierCost?: number | null; platformOrders?: number; launch?: ServiceLauncher },
): Promise<EmbeddedService> {
  const password = publicDemo ? PUBLISHED_PASSWORD : runPassword();
  const { file, execArgv } = serviceEntry();
  const child = launch(file, [join(dataDir, 'service'), String(demoOrders)], execArgv);
  child.send({ demoPassword: publicDemo ? null : password, codeVerifierCost, platformOrders });
  return new Promise<EmbeddedService>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the embedded order service did not start within ${START_LIMIT_MS / 1000} s`));
    }, START_LIMIT_MS);
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded order service exited (${code}) before it listened`));
    });
    child.onceMessage((message) => {
      clearTimeout(timer);
      const url = (message as { url?: unknown } | null)?.url;
      if (typeof url !== 'string') return reject(new Error('the embedded order service sent no URL'));
      resolve({
        url,
        password,
        async close() {
          if (!child.running()) return;
          child.kill();
          await child.exited;
        },
      });
    });
  });
}
