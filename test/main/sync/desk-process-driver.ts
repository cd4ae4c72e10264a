import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { Loose } from '../../support/service';
import type { DeskCommand, DeskProcessConfig } from '../../support/desk-process';

const SCRIPT = fileURLToPath(new URL('../../support/desk-process.ts', import.meta.url));
/** The repository, where `--import tsx` finds tsx whatever the test runner's working directory. */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What the desk process printed: a ready line, a command's result, or a marker of a sync round. */
export type DeskLine = Loose;

export interface DeskProcess {
  pid: number;
  /** Every line printed so far. */
  lines: DeskLine[];
  /** Sends a command; answers its result line (rejects if the process dies first). */
  send(command: DeskCommand): Promise<DeskLine>;
  /** Sends a command without waiting for its result. */
  post(command: DeskCommand): void;
  /** The first line (already printed or still to come) that matches. */
  waitFor(match: (line: DeskLine) => boolean, timeoutMs?: number): Promise<DeskLine>;
  /** SIGKILL: no exit handler, no flush, no close; answers once the process is gone. */
  kill(): Promise<void>;
  readonly exited: Promise<number | null>;
}

/** Starts a desk in its own Node process (see test/support/desk-process.ts) and waits until it is signed in. */
export async function startDeskProcess(config: DeskProcessConfig): Promise<DeskProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: DeskLine[] = [];
  const waiters = new Set<{ match: (line: DeskLine) => boolean; resolve: (line: DeskLine) => void }>();
  let stderr = '';
  // Writing to a desk that was just killed fails with EPIPE: the test already knows it is gone.
  child.stdin!.on('error', () => undefined);
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as DeskLine;
    lines.push(line);
    for (const waiter of waiters) {
      if (waiter.match(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ids = 0;

  const waitFor = (match: (line: DeskLine) => boolean, timeoutMs = 15_000) =>
    new Promise<DeskLine>((resolve, reject) => {
      const found = lines.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`desk process: no matching line within ${timeoutMs} ms; printed ${JSON.stringify(lines)}`));
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (line: DeskLine) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      waiters.add(waiter);
      void exited.then((code) => {
        if (!waiters.has(waiter)) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        reject(new Error(`desk process exited (${code}) first: ${stderr.slice(-2000)}`));
      });
    });

  const post = (command: DeskCommand): number => {
    const id = ++ids;
    child.stdin!.write(`${JSON.stringify({ id, ...command })}\n`);
    return id;
  };

  const ready = await waitFor((line) => 'ready' in line, 30_000);
  if (!ready.ready) throw new Error(`desk process did not sign in: ${JSON.stringify(ready)}`);
  return {
    pid: child.pid!,
    lines,
    send(command) {
      const id = post(command);
      return waitFor((line) => line.id === id);
    },
    post(command) {
      post(command);
    },
    waitFor,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    exited,
  };
}
