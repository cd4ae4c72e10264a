/**
 * A desk's main process without Electron (its backend on worker threads, as in the app), in a Node
 * process of its own, for tests that kill it (SIGKILL) at chosen points and start it again on the
 * same files:
 *
 *   node --import tsx test/support/desk-process.ts '{"dataDir":…,"serviceUrl":…,"deviceId":…,"username":…}'
 *
 * It signs in, prints {"ready":true,…}, then runs one JSON command per stdin line, in order, and
 * prints one JSON line per result (with the command's id):
 *
 *   {"id":1,"do":"ship","orderNo":"…","trackingNo":"SF…"}   ships everything left, one SF parcel
 *   {"id":2,"do":"note","orderNo":"…","text":"…"}
 *   {"id":3,"do":"shippable","limit":5}                       order numbers a warehouse could ship
 *   {"id":4,"do":"sync"}                                      one full round; answers the status
 *   {"id":5,"do":"hold","phase":"page-applied","n":3}         freeze at the 3rd page from now on
 *
 * Every step of a sync round prints a marker {"marker":"push-sent"|"push-answered"|"page-applied","n":…}.
 * A held step prints {"marker":…,"held":true} and then blocks the writer thread, where the store and
 * the sync engine live (nothing more runs there, not even the request already started), until the
 * test kills the process: the kill lands exactly there (a minute later the process kills itself,
 * so a crashed test leaves no process behind).
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import type { OrderDetail } from '../../src/shared/contract/orders';
import { startDeskBackend } from '../../src/main/backend/host';
import { sharedClockCell } from '../../src/main/backend/options';
import { getOrderDetail } from '../../src/main/db/orders-query';
import type { SyncPhase } from '../../src/main/sync/engine';
import { MemoryVault } from '../../src/main/session/token-vault';
import { userDirOf } from '../../src/main/workspace';
import type { DataScope } from '../../src/shared/domain/vocabulary';
import { HOLD_AT, HOLD_PHASE, PHASES, phaseCells } from './desk-process-hook';

export interface DeskProcessConfig {
  dataDir: string;
  serviceUrl: string;
  deviceId: string;
  username: string;
  password?: string;
  /** The desk's clock stands still here (the test service's clock time). */
  now?: number;
  pageSize?: number;
  requestTimeoutMs?: number;
  firstSyncBulkFrom?: number;
}

export type DeskCommand =
  | { do: 'ship'; orderNo: string; trackingNo: string }
  | { do: 'note'; orderNo: string; text: string }
  | { do: 'shippable'; limit?: number }
  | { do: 'sync' }
  | { do: 'hold'; phase: SyncPhase; n?: number };

/** The hook as the writer thread can load it: built with the workers in a test run, else the source (tsx). */
function hookModule(): string {
  const prebuilt = process.env['ORDER_DESK_WORKERS'];
  return prebuilt
    ? pathToFileURL(join(prebuilt, 'desk-process-hook.mjs')).href
    : new URL('./desk-process-hook.ts', import.meta.url).href;
}

const EVERYTHING: DataScope = { all: true, warehouseIds: [], storeIds: [], dealerIds: [] };

const print = (line: unknown): void => {
  // Synchronous, so a line is out before the process dies.
  writeSync(1, `${JSON.stringify(line)}\n`);
};

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as DeskProcessConfig;
  // Each step of a sync round is seen on the writer thread, by desk-process-hook.ts.
  const phases = phaseCells();
  const cells = new Int32Array(phases);
  const app = startDeskBackend(
    {
      dataDir: config.dataDir,
      serviceUrl: config.serviceUrl,
      deviceId: config.deviceId,
      demo: true,
      autoSync: false,
      requestTimeoutMs: config.requestTimeoutMs ?? 5_000,
      ...(config.now === undefined ? {} : { clock: { cell: sharedClockCell(config.now), offsetMs: 0 } }),
      ...(config.pageSize ? { syncPageSize: config.pageSize } : {}),
      ...(config.firstSyncBulkFrom === undefined ? {} : { firstSyncBulkFrom: config.firstSyncBulkFrom }),
      random: 0.5,
      readers: 1,
      syncPhaseHook: { module: hookModule(), data: phases },
    },
    { vault: new MemoryVault() },
  );
  const signedIn = await app.dispatch('session.signIn', {
    username: config.username,
    password: config.password ?? 'demo1234',
  });
  if (!signedIn.ok) {
    print({ ready: false, error: signedIn.error });
    process.exit(1);
  }
  print({ ready: true, pid: process.pid, session: signedIn.value });

  const run = async (command: DeskCommand): Promise<unknown> => {
    switch (command.do) {
      case 'ship': {
        const detail = await app.dispatch('orders.detail', { orderNo: command.orderNo });
        if (!detail.ok) return detail;
        const order = detail.value as OrderDetail;
        const lines = order.lines
          .map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.shippedQuantity - l.refundedQuantity }))
          .filter((l) => l.quantity > 0);
        return app.dispatch('orders.ship', {
          orderNo: command.orderNo,
          parcels: [{ carrier: 'SF', trackingNo: command.trackingNo, lines }],
        });
      }
      case 'note':
        return app.dispatch('orders.note', { orderNo: command.orderNo, text: command.text });
      case 'shippable': {
        const db = new Database(join(userDirOf(config.dataDir, config.username), 'orders.sqlite'), { readonly: true });
        const numbers = db.prepare('SELECT order_no FROM orders ORDER BY order_no').pluck().all() as string[];
        const found: string[] = [];
        for (const orderNo of numbers) {
          const o = getOrderDetail(db, EVERYTHING, orderNo)!;
          const open = o.afterSales.some((a) => !['SUCCEEDED', 'REJECTED', 'WITHDRAWN'].includes(a.status));
          if (o.status === 'PENDING_SHIPMENT' && !o.locked && o.refundStatus === 'NONE' && !open) found.push(orderNo);
          if (found.length >= (command.limit ?? 10)) break;
        }
        db.close();
        return { ok: true, value: found };
      }
      case 'sync':
        return app.dispatch('sync.now', {});
      case 'hold': {
        const index = PHASES.indexOf(command.phase);
        const at = Atomics.load(cells, index) + (command.n ?? 1);
        Atomics.store(cells, HOLD_AT, at);
        Atomics.store(cells, HOLD_PHASE, index);
        return { ok: true, value: { phase: command.phase, at } };
      }
    }
  };

  // Commands run one after another, in the order they arrived.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const command = JSON.parse(line) as DeskCommand & { id?: number };
    queue = queue.then(async () => {
      try {
        print({ id: command.id, ...((await run(command)) as object) });
      } catch (error) {
        print({ id: command.id, ok: false, error: { code: 'CRASH', message: String(error) } });
      }
    });
  });
  lines.on('close', () => void queue.then(() => app.close()).then(() => process.exit(0)));
}

void main();
