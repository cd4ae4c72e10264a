/**
 * 5. Local writes, durable: shipping an order (through the dispatcher, as the ship dialog's Enter
 * does) and redeeming a code (the redemption's local transaction), each applied to the order and
 * queued in the outbox in one transaction committed with synchronous=FULL. The redemption's own
 * sync round that follows in the app is left out: it is the network's, and measured by the
 * service group. Afterwards one sync sends the queued intents, so the store stays clean.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { codeVerifier } from '../../src/node/code-hash';
import { resolveConfig } from '../../src/server/config';
import type { CallContext } from '../../src/main/ipc/dispatcher';
import { ApiFailure } from '../../src/main/ipc/failure';
import { createCodeSeal } from '../../src/main/redemption/code-seal';
import { WrongCodeLimiter } from '../../src/main/redemption/attempts';
import { findByCode } from '../../src/main/redemption/find-code';
import { redeem } from '../../src/main/redemption/redeem';
import { loadSealKey } from '../../src/main/session/seal-key';
import { unlockOffline } from '../../src/main/session/accounts';
import { ServiceClient } from '../../src/main/sync/service-client';
import { DEMO_PASSWORD } from '../../src/server/demo/company';
import type { OrderDetail } from '../../src/shared/contract/orders';
import { log, type Bench } from './context';
import { latency } from './figures';
import { buyVouchers, login } from './service-api';

const TARGET_MS = 5;
/** Writes of each kind: 200 at a million orders, fewer for a small store (CI). */
const writesFor = (orders: number) => Math.min(200, Math.max(50, Math.round(orders / 100)));

export async function writes(bench: Bench): Promise<void> {
  const url = await bench.service();
  const count = writesFor(bench.orders);
  const codes = await buyVouchers(url, await login(url, 'admin'), count);
  const desk = await bench.openDesk();
  try {
    // The vouchers just bought reach the desk as any new order does.
    await desk.app.sync()!.syncNow();

    const candidates = desk.db
      .prepare(
        `SELECT order_no FROM orders WHERE status = 'PENDING_SHIPMENT' AND locked = 0 AND exception IS NULL
         ORDER BY random() LIMIT ?`,
      )
      .pluck()
      .all(count * 2) as string[];
    const ship: number[] = [];
    const refused = new Map<string, number>();
    for (const orderNo of candidates) {
      if (ship.length === count) break;
      const detail = await desk.app.dispatch('orders.detail', { orderNo });
      if (!detail.ok) continue;
      const { lines } = detail.value as OrderDetail;
      const start = performance.now();
      const shipped = await desk.app.dispatch('orders.ship', {
        orderNo,
        parcels: [
          {
            carrier: 'SF',
            // SF and 13 digits, as the carrier's pattern wants.
            trackingNo: `SF${String(Date.now()).slice(-10)}${String(ship.length).padStart(3, '0')}`,
            lines: lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
          },
        ],
      });
      const ms = performance.now() - start;
      if (shipped.ok) ship.push(ms);
      else {
        const why = `${shipped.error.code}: ${shipped.error.message.slice(0, 60)}`;
        refused.set(why, (refused.get(why) ?? 0) + 1);
      }
    }
    log(`writes: ${ship.length} orders shipped; refused, not counted: ${JSON.stringify([...refused])}`);
    bench.add(...latency('writes · ship an order + outbox row, durable (dispatcher)', ship, TARGET_MS));

    const workspace = desk.app.workspace()!;
    const account = unlockOffline(join(workspace.dir), DEMO_PASSWORD);
    if (typeof account === 'string') throw new Error(`cannot unlock admin's account: ${account}`);
    // The desk's own seal key, as the app loaded it at sign-in.
    const seal = createCodeSeal((await loadSealKey(workspace.dir, account.secretKey, null)).key);
    const engine = desk.app.sync()!;
    const ctx: CallContext = {
      session: workspace.session,
      db: desk.db,
      stamp: () => ({ actor: 'admin:admin', device: 'DEV-BENCH', now: Date.now(), seal }),
      sync: async () => engine.status,
      changed: () => undefined,
      service: new ServiceClient({ baseUrl: url }),
    };
    // No limit: a refused code here is a collision, not a guess.
    const limiter = new WrongCodeLimiter(Number.POSITIVE_INFINITY);
    const redeemed: number[] = [];
    const notRedeemed = new Map<string, number>();
    for (const code of codes) {
      try {
        // The counter previews first (the typed code is hashed then); the confirmation is the write.
        await findByCode(ctx, limiter, code, 'ST-01');
        const start = performance.now();
        await redeem(ctx, limiter, { code, storeId: 'ST-01' });
        redeemed.push(performance.now() - start);
      } catch (error) {
        // Six digits repeat across a million orders: the lookup may find an older order's used code.
        if (!(error instanceof ApiFailure)) throw error;
        const why = error.reason ?? error.code;
        notRedeemed.set(why, (notRedeemed.get(why) ?? 0) + 1);
      }
    }
    log(`writes: ${redeemed.length} codes redeemed; refused, not counted: ${JSON.stringify([...notRedeemed])}`);
    bench.add(...latency('writes · redeem a code + outbox row, durable (local transaction)', redeemed, TARGET_MS));

    // The bench's service hashes its codes cheaply (seeding a million orders at the production cost
    // would take most of an hour): what a counter pays at a real company's cost is measured here.
    const key = { ...resolveConfig().codeVerifierCost, salt: randomBytes(16).toString('base64url') };
    const hashed: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await codeVerifier(String(100_000 + i), key);
      hashed.push(performance.now() - start);
    }
    bench.add(...latency('counter · hash a typed code at the production verifier cost (scrypt N=2^15)', hashed, 250));

    const flushed = await engine.syncNow();
    if (flushed.lastError) log(`writes: sending the queued intents failed: ${JSON.stringify(flushed.lastError)}`);
  } finally {
    await desk.close();
  }
}
