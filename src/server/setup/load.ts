import { randomBytes } from 'node:crypto';
import type { Store, ProductRow, Tx } from '../storage/repositories';
import type { Clock } from '../timers/clock';
import { mapSku, putShop } from '../shops/manage';
import { addUserIn } from '../users/manage';
import { audit } from '../admin/audit';
import { ApiError } from '../http/errors';
import type { CompanyFile } from './company-file';

/** What a set-up run did, per kind of thing: created, changed, or already as the file says. */
export type SetupReport = Record<string, { created: number; changed: number; kept: number }>;

function tally(report: SetupReport, kind: string, outcome: 'created' | 'changed' | 'kept'): void {
  report[kind] ??= { created: 0, changed: 0, kept: 0 };
  report[kind][outcome]++;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A fresh webhook secret: 32 random bytes, base64url. */
export const drawSecret = (): string => randomBytes(32).toString('base64url');

async function places(tx: Tx, file: CompanyFile, report: SetupReport): Promise<void> {
  const known = {
    merchants: new Map((await tx.places.merchants()).map((m) => [m.id, m])),
    warehouses: new Map((await tx.places.warehouses()).map((w) => [w.id, w])),
    stores: new Map((await tx.places.stores()).map((s) => [s.id, s])),
    dealers: new Map((await tx.places.dealers()).map((d) => [d.id, d])),
    provinces: new Map((await tx.places.provincesServed()).map((p) => [p.province, p.warehouseId])),
  };
  const outcome = <T>(before: T | undefined, after: T) =>
    before === undefined ? 'created' : same(before, after) ? 'kept' : 'changed';
  for (const m of file.merchants) {
    tally(report, 'merchants', outcome(known.merchants.get(m.id), m));
    await tx.places.putMerchant(m);
  }
  for (const { provinces, ...w } of file.warehouses) {
    tally(report, 'warehouses', outcome(known.warehouses.get(w.id), w));
    await tx.places.putWarehouse(w);
    for (const province of provinces) {
      tally(report, 'provinces served', outcome(known.provinces.get(province), w.id));
      await tx.places.putProvinceWarehouse(province, w.id);
    }
  }
  for (const s of file.stores) {
    if (!known.merchants.has(s.merchantId) && !file.merchants.some((m) => m.id === s.merchantId))
      throw new ApiError('UNKNOWN_PLACE', `Store ${s.id} names an unknown merchant ${s.merchantId}`);
    tally(report, 'stores', outcome(known.stores.get(s.id), s));
    await tx.places.putStore(s);
  }
  for (const { priceList: _prices, ...d } of file.dealers) {
    tally(report, 'dealers', outcome(known.dealers.get(d.id), d));
    await tx.places.putDealer(d);
  }
}

async function promotions(tx: Tx, file: CompanyFile, report: SetupReport): Promise<void> {
  const campaigns = new Map((await tx.catalogue.campaigns()).map((c) => [c.id, c]));
  for (const c of file.promotions.campaigns) {
    const before = campaigns.get(c.id);
    if (before && same(before, c)) tally(report, 'campaigns', 'kept');
    else {
      tally(report, 'campaigns', before ? 'changed' : 'created');
      await tx.catalogue.putCampaign(c, await tx.sequence.next());
    }
  }
  const coupons = new Map((await tx.catalogue.coupons()).map((c) => [c.id, c]));
  for (const c of file.promotions.coupons) {
    const before = coupons.get(c.id);
    if (before && same(before, c)) tally(report, 'coupons', 'kept');
    else {
      tally(report, 'coupons', before ? 'changed' : 'created');
      await tx.catalogue.putCoupon(c, await tx.sequence.next());
    }
  }
}

/** The product as the catalogue keeps it, for comparing with what the file says. */
const productOf = (p: ProductRow) => ({
  merchantId: p.merchantId,
  name: p.name,
  spec: p.spec,
  image: p.image,
  kind: p.kind,
  listPrice: p.listPrice,
  uses: p.uses,
  onSale: p.onSale,
  campaignId: p.campaignId,
  barcode: p.barcode,
});

async function catalogue(tx: Tx, file: CompanyFile, report: SetupReport): Promise<void> {
  const existing = await tx.catalogue.products(file.catalogue.map((item) => item.sku));
  const merchants = new Map((await tx.places.merchants()).map((m) => [m.id, m.name]));
  const warehouses = new Set((await tx.places.warehouses()).map((w) => w.id));
  for (const item of file.catalogue) {
    const merchantName = merchants.get(item.merchantId);
    if (merchantName === undefined)
      throw new ApiError('UNKNOWN_PLACE', `SKU ${item.sku} names an unknown merchant ${item.merchantId}`);
    const row: ProductRow = {
      sku: item.sku,
      merchantId: item.merchantId,
      merchantName,
      name: item.name,
      spec: item.spec,
      image: item.image,
      kind: item.kind,
      listPrice: item.price,
      uses: item.uses,
      onSale: item.onSale,
      campaignId: item.campaignId,
      barcode: item.barcode,
    };
    const before = existing.get(item.sku);
    if (!before) {
      tally(report, 'catalogue', 'created');
      await tx.catalogue.insertProduct(row, await tx.sequence.next());
    } else if (same(productOf(before), productOf(row))) tally(report, 'catalogue', 'kept');
    else {
      tally(report, 'catalogue', 'changed');
      await tx.catalogue.updateProduct(row, await tx.sequence.next());
    }
    // Stock is counted once: after that it moves with orders, receipts and the admin's counts.
    const levels = new Set((await tx.stock.levels(item.sku)).map((level) => level.warehouseId));
    for (const [warehouseId, onHand] of Object.entries(item.stock)) {
      if (!warehouses.has(warehouseId))
        throw new ApiError('UNKNOWN_PLACE', `SKU ${item.sku} has stock in an unknown warehouse ${warehouseId}`);
      if (levels.has(warehouseId)) tally(report, 'stock', 'kept');
      else {
        tally(report, 'stock', 'created');
        await tx.stock.insert({ sku: item.sku, warehouseId, onHand, reserved: 0 });
      }
    }
  }
  for (const dealer of file.dealers) {
    const prices = await tx.catalogue.dealerPrices(
      dealer.id,
      dealer.priceList.map((p) => p.sku),
    );
    const skus = await tx.catalogue.products(dealer.priceList.map((p) => p.sku));
    for (const { sku, price } of dealer.priceList) {
      if (!skus.has(sku)) throw new ApiError('SKU_NOT_FOUND', `Dealer ${dealer.id}'s price list names ${sku}`);
      const before = prices.get(sku);
      if (before === price) tally(report, 'dealer prices', 'kept');
      else {
        tally(report, 'dealer prices', before === undefined ? 'created' : 'changed');
        await tx.catalogue.putDealerPrice(dealer.id, sku, price);
        // The dealers' desks pull the item again with its new price.
        await tx.catalogue.touch(sku, await tx.sequence.next());
      }
    }
  }
}

async function shops(tx: Tx, file: CompanyFile, now: number, report: SetupReport): Promise<void> {
  for (const { skuMappings, ...input } of file.shops) {
    const before = await tx.shops.get(input.id);
    const after = await putShop(tx, input, now, drawSecret);
    tally(report, 'shops', !before ? 'created' : same(before, after) ? 'kept' : 'changed');
    const mapped = new Map(
      (await tx.shops.mappingsOf(input.id)).map((m) => [`${m.platformItemId}\u0000${m.platformSkuId}`, m.sku]),
    );
    for (const mapping of skuMappings) {
      const before = mapped.get(`${mapping.platformItemId}\u0000${mapping.platformSkuId}`);
      tally(report, 'SKU mappings', before === undefined ? 'created' : before === mapping.sku ? 'kept' : 'changed');
      await mapSku(tx, input.id, mapping);
    }
  }
}

/**
 * Loads a company file in one unit: all of it or, on the first problem, none of it. Running it
 * again changes only what the file changed: places, shops, promotions and the catalogue are
 * rewritten to match (items that changed get a new sequence value, so desks pull them again);
 * stock is counted only where a SKU has none yet; existing users are kept as they are.
 */
export async function loadCompany(store: Store, clock: Clock, file: CompanyFile, actor = 'cli'): Promise<SetupReport> {
  const now = clock.now();
  return store.unit(async (tx) => {
    const report: SetupReport = {};
    await places(tx, file, report);
    await promotions(tx, file, report);
    await catalogue(tx, file, report);
    await shops(tx, file, now, report);
    for (const user of file.users) {
      const outcome = await addUserIn(tx, now, {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        warehouseIds: user.warehouses,
        storeIds: user.stores,
        dealerIds: user.dealer === undefined ? [] : [user.dealer],
        shopIds: user.shops,
        passwordHash: '',
      });
      tally(report, 'users', outcome);
    }
    await audit(tx, { actor, now }, 'company.setup', 'company', { report });
    return report;
  });
}
