/**
 * A desk's main process without Electron, in a Node process of its own, for tests that kill it
 * (SIGKILL) at chosen points and start it again on the same files:
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
 * A held step prints {"marker":…,"held":true} and then blocks the whole process (nothing more runs,
 * not even the request already started) until the test kills it: the kill lands exactly there
 * (a minute later it exits on its own, so a crashed test leaves no process behind).
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { OrderDetail } from '../../src/shared/contract/orders';
import { createApp } from '../../src/main/app/app';
import { getOrderDetail } from '../../src/main/db/orders-query';
import type { SyncPhase } from '../../src/main/sync/engine';
import { MemoryVault } from '../../src/main/session/token-vault';
import type { DataScope } from '../../src/shared/domain/vocabulary';

export interface DeskProcessConfig {
  dataDir: string;
  serviceUrl: string;
  deviceId: string;
  username: string;
  password?: string;
  /** The desk's clock stands still here (the test service's ManualClock time). */
  now?: number;
  pageSize?: number;
  requestTimeoutMs?: number;
}

export type DeskCommand =
  | { do: 'ship'; orderNo: string; trackingNo: string }
  | { do: 'note'; orderNo: string; text: string }
  | { do: 'shippable'; limit?: number }
  | { do: 'sync' }
  | { do: 'hold'; phase: SyncPhase; n?: number };

const EVERYTHING: DataScope = { all: true, warehouseIds: [], storeIds: [], dealerIds: [] };

const print = (line: unknown): void => {
  // Synchronous, so a marker is out before the process freezes or dies.
  writeSync(1, `${JSON.stringify(line)}\n`);
};

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as DeskProcessConfig;
  const seen: Record<SyncPhase, number> = { 'push-sent': 0, 'push-answered': 0, 'page-applied': 0 };
  let hold: { phase: SyncPhase; at: number } | null = null;
  const app = createApp({
    dataDir: config.dataDir,
    serviceUrl: config.serviceUrl,
    vault: new MemoryVault(),
    deviceId: config.deviceId,
    demo: true,
    autoSync: false,
    requestTimeoutMs: config.requestTimeoutMs ?? 5_000,
    ...(config.now === undefined ? {} : { now: () => config.now! }),
    ...(config.pageSize ? { syncPageSize: config.pageSize } : {}),
    random: () => 0.5,
    onSyncPhase(phase) {
      seen[phase] += 1;
      const held = hold?.phase === phase && hold.at === seen[phase];
      print({ marker: phase, n: seen[phase], ...(held ? { held: true } : {}) });
      // Freeze right here: no await, no timer, no socket write runs again in this process. A test
      // that died without killing it does not leave it behind for long.
      if (held) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
        process.exit(86);
      }
    },
  });
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
    const db = app.workspace()!.db;
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
        const numbers = db.prepare('SELECT order_no FROM orders ORDER BY order_no').pluck().all() as string[];
        const found: string[] = [];
        for (const orderNo of numbers) {
          const o = getOrderDetail(db, EVERYTHING, orderNo)!;
          const open = o.afterSales.some((a) => !['SUCCEEDED', 'REJECTED', 'WITHDRAWN'].includes(a.status));
          if (o.status === 'PENDING_SHIPMENT' && !o.locked && o.refundStatus === 'NONE' && !open) found.push(orderNo);
          if (found.length >= (command.limit ?? 10)) break;
        }
        return { ok: true, value: found };
      }
      case 'sync':
        return { ok: true, value: await app.sync()!.syncNow() };
      case 'hold':
        hold = { phase: command.phase, at: seen[command.phase] + (command.n ?? 1) };
        return { ok: true, value: hold };
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
