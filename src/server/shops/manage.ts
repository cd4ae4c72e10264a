import type { z } from 'zod';
import type { shopInput, skuMappingInput } from '../../shared/contract/admin';
import { CHANNEL_PLATFORMS } from '../../shared/domain/shops';
import { ApiError } from '../http/errors';
import type { ShopRow, SkuMappingRow, Tx } from '../storage/repositories';

/** Creates or rewrites a shop after checking what it refers to; a webhook without a secret gets one. */
export async function putShop(
  tx: Tx,
  input: z.output<typeof shopInput>,
  now: number,
  drawSecret: () => string,
): Promise<ShopRow> {
  if (!(await tx.places.merchant(input.merchantId)))
    throw new ApiError('UNKNOWN_PLACE', `No merchant ${input.merchantId}`);
  if (input.dealerId !== null && !(await tx.places.dealer(input.dealerId)))
    throw new ApiError('UNKNOWN_PLACE', `No dealer ${input.dealerId}`);
  if (input.channel === 'DEALER' && input.dealerId === null)
    throw new ApiError('VALIDATION_FAILED', `A dealer's shop names its dealer (dealerId)`);
  const previous = await tx.shops.get(input.id);
  const secret = input.webhookSecret ?? previous?.webhookSecret ?? (input.webhookUrl ? drawSecret() : null);
  const row: ShopRow = {
    id: input.id,
    name: input.name,
    channel: input.channel,
    platform: input.platform ?? CHANNEL_PLATFORMS[input.channel],
    merchantId: input.merchantId,
    dealerId: input.dealerId,
    webhookUrl: input.webhookUrl,
    webhookSecret: secret,
    enabled: input.enabled,
    connector: previous?.connector ?? null,
  };
  await tx.shops.put(row, now);
  return row;
}

export async function requireShop(tx: Tx, shopId: string): Promise<ShopRow> {
  const shop = await tx.shops.get(shopId);
  if (!shop) throw new ApiError('SHOP_NOT_FOUND', `No shop ${shopId}`);
  return shop;
}

/** Maps a platform item/SKU of a shop to a SKU of ours (replacing an earlier mapping of it). */
export async function mapSku(tx: Tx, shopId: string, input: z.output<typeof skuMappingInput>): Promise<SkuMappingRow> {
  await requireShop(tx, shopId);
  const products = await tx.catalogue.products([input.sku]);
  if (!products.has(input.sku)) throw new ApiError('SKU_NOT_FOUND', `No product ${input.sku}`);
  const row = { shopId, platformItemId: input.platformItemId, platformSkuId: input.platformSkuId, sku: input.sku };
  await tx.shops.putMapping(row);
  return row;
}
