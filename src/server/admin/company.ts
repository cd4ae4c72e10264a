import type { z } from 'zod';
import type {
  AdminPlaces,
  AdminProduct,
  AdminShop,
  dealerInput,
  productInput,
  stockCountInput,
  storeInput,
  warehouseInput,
} from '../../shared/contract/admin';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { recheckHeld } from '../intake/orders';
import { touchStock } from '../orders/stock';
import { drawSecret } from '../setup/load';
import type { shopInput, skuMappingInput } from '../../shared/contract/admin';
import { mapSku, putShop, requireShop } from '../shops/manage';
import type { ProductRow, Tx } from '../storage/repositories';
import { audit, type AdminActor } from './audit';
import { inTurn } from '../storage/in-turn';

/** One audited change to the company, in one unit. */
function change<T>(deps: Deps, caller: Caller, work: (tx: Tx, who: AdminActor) => Promise<T>): Promise<T> {
  return deps.store.unit((tx) => work(tx, { actor: actorLabel(caller), now: deps.clock.now() }));
}

/** Exception orders a change may have released (a SKU mapped, stock counted), checked again at once. */
const recheck = (deps: Deps, caller: Caller, shopId: string | null) =>
  recheckHeld(deps, { shopId, via: actorLabel(caller) });

export async function places(deps: Deps): Promise<AdminPlaces> {
  return deps.store.unit(async (tx) => {
    const served = await tx.places.provincesServed();
    return {
      merchants: await tx.places.merchants(),
      warehouses: (await tx.places.warehouses()).map((w) => ({
        ...w,
        provinces: served.filter((p) => p.warehouseId === w.id).map((p) => p.province),
      })),
      stores: await tx.places.stores(),
      dealers: await tx.places.dealers(),
    };
  });
}

export const putWarehouse = (deps: Deps, caller: Caller, input: z.output<typeof warehouseInput>) =>
  change(deps, caller, async (tx, who) => {
    const { provinces, ...warehouse } = input;
    await tx.places.putWarehouse(warehouse);
    for (const province of provinces) await tx.places.putProvinceWarehouse(province, warehouse.id);
    await audit(tx, who, 'warehouse.put', `warehouse:${warehouse.id}`, input);
  }).then(() => places(deps));

export const putStore = (deps: Deps, caller: Caller, input: z.output<typeof storeInput>) =>
  change(deps, caller, async (tx, who) => {
    if (!(await tx.places.merchant(input.merchantId)))
      throw new ApiError('UNKNOWN_PLACE', `No merchant ${input.merchantId}`);
    await tx.places.putStore(input);
    await audit(tx, who, 'store.put', `store:${input.id}`, input);
  }).then(() => places(deps));

export const putDealer = (deps: Deps, caller: Caller, input: z.output<typeof dealerInput>) =>
  change(deps, caller, async (tx, who) => {
    await tx.places.putDealer(input);
    await audit(tx, who, 'dealer.put', `dealer:${input.id}`, input);
  }).then(() => places(deps));

export async function shops(deps: Deps): Promise<AdminShop[]> {
  return deps.store.unit(async (tx) => {
    const rows = await tx.shops.list();
    const held = await inTurn(rows, async (shop) => (await tx.externalOrders.held(shop.id, '', 10_000)).length);
    return rows.map((shop, i) => ({ ...shop, held: held[i] ?? 0 }));
  });
}

export async function putShopAudited(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof shopInput>,
): Promise<AdminShop[]> {
  await change(deps, caller, async (tx, who) => {
    const shop = await putShop(tx, input, who.now, drawSecret);
    // The secret is never written to the log, only that it changed.
    const { webhookSecret: _secret, ...logged } = shop;
    await audit(tx, who, 'shop.put', `shop:${shop.id}`, { ...logged, secretSet: shop.webhookSecret !== null });
  });
  await recheck(deps, caller, input.id);
  return shops(deps);
}

export const mappings = (deps: Deps, shopId: string) =>
  deps.store.unit(async (tx) => {
    await requireShop(tx, shopId);
    return (await tx.shops.mappingsOf(shopId)).map(({ shopId: _s, ...m }) => m);
  });

/** Maps a platform item to our SKU, then checks the shop's exception orders again: the mapping may release some. */
export async function putMapping(deps: Deps, caller: Caller, shopId: string, input: z.output<typeof skuMappingInput>) {
  await change(deps, caller, async (tx, who) => {
    const row = await mapSku(tx, shopId, input);
    await audit(tx, who, 'mapping.put', `shop:${shopId}`, { ...row });
  });
  return recheck(deps, caller, shopId);
}

export async function deleteMapping(
  deps: Deps,
  caller: Caller,
  shopId: string,
  input: { platformItemId: string; platformSkuId: string },
) {
  await change(deps, caller, async (tx, who) => {
    await requireShop(tx, shopId);
    if (!(await tx.shops.deleteMapping(shopId, input.platformItemId, input.platformSkuId)))
      throw new ApiError(
        'NOT_FOUND',
        `Shop ${shopId} has no mapping of ${input.platformItemId}/${input.platformSkuId}`,
      );
    await audit(tx, who, 'mapping.delete', `shop:${shopId}`, input);
  });
  return mappings(deps, shopId);
}

async function productView(tx: Tx, product: ProductRow): Promise<AdminProduct> {
  return {
    sku: product.sku,
    merchantId: product.merchantId,
    name: product.name,
    spec: product.spec,
    image: product.image,
    kind: product.kind,
    price: product.listPrice,
    uses: product.uses,
    onSale: product.onSale,
    campaignId: product.campaignId,
    barcode: product.barcode,
    stock: (await tx.stock.levels(product.sku)).map(({ warehouseId, onHand, reserved }) => ({
      warehouseId,
      onHand,
      reserved,
    })),
  };
}

/** A page of the catalogue in SKU order, each item with its stock per warehouse. */
export const catalogue = (deps: Deps, after: string, limit: number) =>
  deps.store.unit(async (tx) => {
    const page = await tx.catalogue.page(after, limit + 1);
    const items = await inTurn(page.slice(0, limit), (p) => productView(tx, p));
    return { items, next: page.length > limit ? (items[items.length - 1]?.sku ?? null) : null };
  });

/** Creates or rewrites one SKU (a new sequence value, so desks pull it again); answers it as it now is. */
export async function putProduct(
  tx: Tx,
  who: AdminActor,
  input: z.output<typeof productInput>,
): Promise<'created' | 'changed' | 'unchanged'> {
  const merchant = await tx.places.merchant(input.merchantId);
  if (!merchant) throw new ApiError('UNKNOWN_PLACE', `No merchant ${input.merchantId}`);
  if (input.campaignId !== null && !(await tx.catalogue.campaign(input.campaignId)))
    throw new ApiError('NOT_FOUND', `No campaign ${input.campaignId}`);
  const before = (await tx.catalogue.products([input.sku])).get(input.sku);
  const row: ProductRow = {
    sku: input.sku,
    merchantId: input.merchantId,
    merchantName: merchant.name,
    name: input.name,
    spec: input.spec,
    image: input.image,
    kind: input.kind,
    listPrice: input.price,
    uses: input.uses,
    onSale: input.onSale,
    campaignId: input.campaignId,
    barcode: input.barcode,
  };
  if (before && JSON.stringify(before) === JSON.stringify(row)) return 'unchanged';
  if (before) await tx.catalogue.updateProduct(row, await tx.sequence.next());
  else await tx.catalogue.insertProduct(row, await tx.sequence.next());
  await audit(tx, who, before ? 'product.change' : 'product.add', `sku:${input.sku}`, { ...input });
  return before ? 'changed' : 'created';
}

export async function putProductAudited(deps: Deps, caller: Caller, input: z.output<typeof productInput>) {
  const view = await change(deps, caller, async (tx, who) => {
    await putProduct(tx, who, input);
    return productView(tx, (await tx.catalogue.products([input.sku])).get(input.sku)!);
  });
  await recheck(deps, caller, null);
  return view;
}

/**
 * A stock count: what is on the shelf, as counted. It can never be set below what orders already
 * hold there (that would promise the same units twice). Held orders are checked again after it.
 */
export async function countStock(deps: Deps, caller: Caller, input: z.output<typeof stockCountInput>) {
  await change(deps, caller, async (tx, who) => {
    const product = (await tx.catalogue.products([input.sku])).get(input.sku);
    if (!product) throw new ApiError('SKU_NOT_FOUND', `No product ${input.sku}`);
    if (!(await tx.places.warehouse(input.warehouseId)))
      throw new ApiError('UNKNOWN_PLACE', `No warehouse ${input.warehouseId}`);
    const level = (await tx.stock.levels(input.sku)).find((l) => l.warehouseId === input.warehouseId);
    if (level && input.onHand < level.reserved)
      throw new ApiError(
        'STOCK_SHORT',
        `${level.reserved} of ${input.sku} are held for orders in ${input.warehouseId}: the count cannot be lower`,
      );
    if (level) await tx.stock.adjust(input.sku, input.warehouseId, input.onHand - level.onHand, 0);
    else await tx.stock.insert({ sku: input.sku, warehouseId: input.warehouseId, onHand: input.onHand, reserved: 0 });
    await touchStock(tx, input.sku);
    await audit(tx, who, 'stock.count', `sku:${input.sku}`, {
      warehouseId: input.warehouseId,
      before: level?.onHand ?? 0,
      after: input.onHand,
    });
  });
  const released = await recheck(deps, caller, null);
  // As it stands after the re-check: what the released orders now hold is in it.
  const product = await deps.store.unit(async (tx) =>
    productView(tx, (await tx.catalogue.products([input.sku])).get(input.sku)!),
  );
  return { product, ...released };
}
