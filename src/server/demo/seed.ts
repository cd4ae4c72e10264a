import type { OrderRecord } from '../../shared/contract/records';
import type { VerifierKey } from '../../shared/domain/code-verifier';
import { demoCodeOf } from '../../shared/demo/codes';
import { demoOrderStream } from '../../shared/demo/generate';
import { DEMO_USERS } from '../../shared/demo/users';
import { hashPassword } from '../auth/passwords';
import type { Deps } from '../deps';
import { SYSTEM_ACTOR, type WorkContext } from '../orders/context';
import { saveOrder } from '../orders/persist';
import { codeVerifier } from '../../node/code-hash';
import { merchantKey } from '../redemption/verifier';
import type { Tx } from '../storage/repositories';
import {
  DEALER_CAMPAIGNS,
  DEALER_COUPONS,
  DEMO_DEALERS,
  DEMO_DEVICES,
  DEMO_MERCHANTS,
  DEMO_PASSWORD,
  DEMO_PRODUCTS,
  DEMO_PROVINCE_WAREHOUSES,
  DEMO_SEED,
  DEMO_SHOPS,
  DEMO_STORES,
  DEMO_WAREHOUSES,
  dealerPriceList,
  demoStock,
} from './company';

const COMPANY_KEY = 'demo.company';
const ORDERS_KEY = 'demo.orders';
/** Orders per unit while seeding: big enough to be quick, small enough not to hold the store long. */
const CHUNK = 500;

async function seedCompany(tx: Tx, now: number): Promise<void> {
  for (const merchant of DEMO_MERCHANTS) await tx.places.putMerchant(merchant);
  for (const warehouse of DEMO_WAREHOUSES) {
    await tx.places.putWarehouse(warehouse);
    await tx.floor.setVerificationPolicy(warehouse.id, false, await tx.sequence.next());
  }
  for (const [province, warehouseId] of DEMO_PROVINCE_WAREHOUSES)
    await tx.places.putProvinceWarehouse(province, warehouseId);
  for (const store of DEMO_STORES) await tx.places.putStore(store);
  for (const dealer of DEMO_DEALERS) await tx.places.putDealer(dealer);
  for (const { categories: _c, ...campaign } of DEALER_CAMPAIGNS)
    await tx.catalogue.putCampaign(campaign, await tx.sequence.next());
  for (const coupon of DEALER_COUPONS) await tx.catalogue.putCoupon(coupon, await tx.sequence.next());
  for (const product of DEMO_PRODUCTS) await tx.catalogue.insertProduct(product, await tx.sequence.next());
  for (const dealer of DEMO_DEALERS) {
    for (const { sku, price } of dealerPriceList(dealer.id)) await tx.catalogue.putDealerPrice(dealer.id, sku, price);
  }
  for (const row of demoStock()) await tx.stock.insert(row);
  for (const device of DEMO_DEVICES) await tx.devices.insert(device, 'demo', now);
}

/**
 * The demo users and shops, added where missing on every demo start: a company seeded by an older
 * build gets what the demo has grown since (its shops, its ERP account), and a company's own
 * account of a demo user's name stays theirs.
 */
async function seedPeopleAndShops({ store, clock }: Deps): Promise<void> {
  const missing = await store.unit(async (tx) => {
    for (const shop of DEMO_SHOPS) if (!(await tx.shops.get(shop.id))) await tx.shops.put(shop, clock.now());
    const absent = [];
    for (const user of DEMO_USERS) if (!(await tx.users.byUsername(user.username))) absent.push(user);
    return absent;
  });
  if (missing.length === 0) return;
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  await store.unit(async (tx) => {
    for (const [i, user] of missing.entries()) {
      if (await tx.users.byUsername(user.username)) continue;
      const row = { id: `U-${user.username}`, ...user, passwordHash: hashes[i] ?? '', demoOnly: true, disabled: false };
      await tx.users.insert(row, clock.now());
    }
  });
}

const CLERK_ACTOR = /^clerk:([^/]+)\//;

/**
 * A generated service order's code (the generator's `demo:<code>` stand-in, turned into the code
 * row and the verifier the record keeps), and its past redemptions taken from its timeline (who,
 * which counter, when), so a used code answers ALREADY_REDEEMED with the real conflict.
 */
async function seedCode(ctx: WorkContext, record: OrderRecord, code: string, verifier: string): Promise<void> {
  const issued = record.redemptionCode;
  if (!issued) return;
  const row = {
    orderNo: record.orderNo,
    merchantId: record.merchantId,
    code,
    verifier,
    validFrom: issued.validFrom,
    validTo: issued.validTo,
    usesTotal: issued.usesTotal,
    usesLeft: issued.usesLeft,
    live: record.status === 'PENDING_REDEMPTION' && issued.validTo > ctx.now,
    liveUntil: issued.validTo,
  };
  const codeId = (await ctx.tx.codes.insert(row)) ?? (await ctx.tx.codes.insert({ ...row, live: false }));
  if (codeId === null) return;
  const uses = record.timeline.filter((entry) => entry.action === 'REDEEM');
  for (const [i, entry] of uses.entries()) {
    await ctx.tx.redemptions.insert({
      id: `${record.orderNo}-R${i + 1}`,
      codeId,
      orderNo: record.orderNo,
      storeId: CLERK_ACTOR.exec(entry.actor)?.[1] ?? record.storeId ?? '',
      actor: entry.actor,
      device: entry.device,
      redeemedAt: entry.at,
      recordedAt: entry.at,
      state: 'applied',
      undoneAt: null,
      undoneBy: null,
    });
  }
}

/** The verifier of each generated code, by order number, under its merchant's key. */
async function verifiersOf(
  deps: Deps,
  chunk: readonly OrderRecord[],
  codes: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const merchants = [...new Set(chunk.filter((r) => codes.has(r.orderNo)).map((r) => r.merchantId))];
  if (merchants.length === 0) return new Map();
  const keys = new Map<string, VerifierKey>(
    await deps.store.unit(async (tx) => {
      const found: Array<[string, VerifierKey]> = [];
      for (const merchantId of merchants) found.push([merchantId, await merchantKey(tx, deps.config, merchantId)]);
      return found;
    }),
  );
  const hashed = await Promise.all(
    chunk
      .filter((r) => codes.has(r.orderNo))
      .map(async (r) => [r.orderNo, await codeVerifier(codes.get(r.orderNo)!, keys.get(r.merchantId)!)] as const),
  );
  return new Map(hashed);
}

/**
 * Seeds the demo company once: merchants, warehouses, stores, dealers with price lists, products
 * with stock, the demo users (password demo1234, valid only in demo mode) and `orders` generated
 * orders (the shared deterministic generator). Resumable: the orders go in chunks, each recording
 * how far it got, and the generator's "now" is kept so a resumed run makes the same orders.
 */
export async function seedDemo(deps: Deps, orders: number): Promise<void> {
  const { store, clock } = deps;
  const company = await store.unit((tx) => tx.settings.get(COMPANY_KEY));
  if (!company) {
    await store.unit(async (tx) => {
      await seedCompany(tx, clock.now());
      await tx.settings.set(COMPANY_KEY, JSON.stringify({ now: clock.now(), orders }));
    });
  }
  await seedPeopleAndShops(deps);
  const plan = JSON.parse((await store.unit((tx) => tx.settings.get(COMPANY_KEY))) ?? '{}') as {
    now: number;
    orders: number;
  };
  let done = Number((await store.unit((tx) => tx.settings.get(ORDERS_KEY))) ?? '0');
  if (done >= plan.orders) return;

  const stream = demoOrderStream({ count: plan.orders, seed: DEMO_SEED, now: plan.now });
  for (let skipped = 0; skipped < done; skipped++) stream.next();
  while (done < plan.orders) {
    const chunk: OrderRecord[] = [];
    while (chunk.length < CHUNK) {
      const next = stream.next();
      if (next.done) break;
      chunk.push(next.value);
    }
    if (chunk.length === 0) break;
    done += chunk.length;
    // The chunk's verifiers are hashed before its unit, side by side on libuv's pool.
    const codes = new Map(chunk.flatMap((r) => (demoCodeOf(r) ? [[r.orderNo, demoCodeOf(r)!] as const] : [])));
    const verifiers = await verifiersOf(deps, chunk, codes);
    await store.unit(async (tx) => {
      const ctx: WorkContext = { tx, now: clock.now(), config: deps.config, ...SYSTEM_ACTOR };
      for (const generated of chunk) {
        const code = codes.get(generated.orderNo);
        const verifier = verifiers.get(generated.orderNo);
        const record =
          generated.redemptionCode && verifier
            ? { ...generated, redemptionCode: { ...generated.redemptionCode, verifier } }
            : generated;
        await saveOrder(ctx, { record, receiptExtended: false }, null);
        if (code && verifier) await seedCode(ctx, record, code, verifier);
      }
      await tx.settings.set(ORDERS_KEY, String(done));
    });
  }
}
