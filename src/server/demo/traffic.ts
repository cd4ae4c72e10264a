import { randomInt } from 'node:crypto';
import type { LineRecord, OrderRecord } from '../../shared/contract/records';
import type { Sku } from '../../shared/demo/catalogue';
import { demoBuyer } from '../../shared/demo/people';
import { priceChild } from '../../shared/demo/pricing';
import { Random } from '../../shared/demo/random';
import { formatFen } from '../../shared/domain/money';
import { makeChildOrderNumber } from '../../shared/domain/order-number';
import { splitCheckout } from '../../shared/domain/split';
import type { Platform } from '../../shared/domain/vocabulary';
import { draftRecord } from '../../shared/intents/draft';
import { logged } from '../../shared/intents/timeline';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { allocate } from '../orders/allocate';
import type { WorkContext } from '../orders/context';
import { saveOrder } from '../orders/persist';
import { reserve } from '../orders/stock';
import { nextServiceOrderNo } from '../orders/numbers';
import type { ProductRow, Tx } from '../storage/repositories';
import { DEMO_SEED } from './company';

/**
 * Buyer traffic for the demo: what the mall's shoppers would do (place, pay, ask for after-sales,
 * extend or confirm receipt), so desks have live work. Each action goes through the same machine,
 * stock and code rules as everything else. Only in demo mode, only for admin tokens.
 */

/** Buyer actions are logged as the buyer, from the platform they shop on. */
const buyerCtx = (deps: Deps, tx: Tx, buyerId: string, platform: Platform): WorkContext => ({
  tx,
  now: deps.clock.now(),
  config: deps.config,
  actor: `buyer:${buyerId}`,
  device: platform,
  codeIssued: () => deps.codeVerifiers.kick(),
});

const asSku = (p: ProductRow): Sku => ({
  sku: p.sku,
  name: p.name,
  spec: p.spec,
  image: p.image,
  unitPrice: p.listPrice,
  merchant: { id: p.merchantId, name: p.merchantName, warehouse: null },
  kind: p.kind,
  uses: p.uses,
  barcode: p.barcode,
});

export interface PlaceOrder {
  buyerIndex?: number;
  lines: Array<{ sku: string; quantity: number }>;
  platform: Platform;
  storeId?: string;
}

/**
 * A mall checkout: split by merchant, warehouse and kind (shared splitCheckout), each child priced
 * as the demo prices mall orders (member rate, campaign or coupon, points), physical stock
 * reserved at once. It stays 待付款 until paid, or until the unpaid timer cancels it.
 */
export function placeOrder(deps: Deps, input: PlaceOrder): Promise<{ parentNo: string; orders: OrderRecord[] }> {
  return deps.store.unit(async (tx) => {
    const rng = new Random(randomInt(2 ** 31));
    const buyer = demoBuyer(DEMO_SEED, input.buyerIndex ?? rng.int(0, 9_999));
    const products = await tx.catalogue.products(input.lines.map((l) => l.sku));
    for (const line of input.lines) {
      const product = products.get(line.sku);
      if (!product) throw new ApiError('SKU_NOT_FOUND', `No product ${line.sku}`);
      if (!product.onSale) throw new ApiError('NOT_ON_SALE', `${line.sku} is not on sale`);
    }
    const ctx = buyerCtx(deps, tx, buyer.id, input.platform);
    const cart = input.lines.map((line, index) => ({ ...line, index, product: products.get(line.sku)! }));
    const allocation = await allocate(
      ctx,
      cart.map((l) => ({ sku: l.sku, quantity: l.quantity, physical: l.product.kind === 'PHYSICAL' })),
      buyer.home.province,
    );
    if (allocation.short.length > 0) {
      throw new ApiError('STOCK_SHORT', `Not enough stock of ${allocation.short.map((i) => cart[i]?.sku).join(', ')}`);
    }
    const groups = splitCheckout(
      cart.map((l) => ({
        ...l,
        merchantId: l.product.merchantId,
        warehouseId: allocation.warehouses[l.index] ?? null,
        kind: l.product.kind,
      })),
    );
    const parentNo = await nextServiceOrderNo(tx, 'MALL', ctx.now);
    const orders: OrderRecord[] = [];
    for (const group of groups) {
      const kind = group.kind ?? 'PHYSICAL';
      const priced = priceChild(
        rng,
        { kind, source: 'MALL', buyer },
        group.lines.map((l) => ({ sku: asSku(l.product), quantity: l.quantity })),
      );
      const lines: LineRecord[] = group.lines.map((l, j) => ({
        lineNo: j + 1,
        merchantId: l.product.merchantId,
        sku: l.sku,
        name: l.product.name,
        spec: l.product.spec,
        image: l.product.image,
        unitPrice: l.product.listPrice,
        quantity: l.quantity,
        discount: priced.lines[j]?.discount ?? 0,
        payable: priced.lines[j]?.payable ?? l.product.listPrice * l.quantity,
        shippedQuantity: 0,
        refundedQuantity: 0,
      }));
      const stores = kind === 'SERVICE' ? await tx.places.storesOf(group.merchantId) : [];
      const orderNo = makeChildOrderNumber(parentNo, group.childIndex);
      const record = draftRecord({
        orderNo,
        parentNo,
        kind,
        source: 'MALL',
        platform: input.platform,
        merchantId: group.merchantId,
        merchantName: group.lines[0]?.product.merchantName ?? '',
        warehouseId: group.warehouseId,
        storeId: kind === 'SERVICE' ? (input.storeId ?? (stores.length ? rng.pick(stores).id : null)) : null,
        dealerId: null,
        buyer: { id: buyer.id, account: buyer.account, level: buyer.level.name, name: buyer.name },
        receiver:
          kind === 'VIRTUAL'
            ? null
            : {
                name: buyer.name,
                phone: buyer.phone,
                province: buyer.home.province,
                city: buyer.home.city,
                district: buyer.home.district,
                address: buyer.home.address,
                postcode: buyer.home.postcode,
              },
        lines,
        amounts: priced.amounts,
        promotions: priced.promotions,
        invoice: null,
        remark: '',
        createdAt: ctx.now,
      });
      const created = logged(
        ctx,
        { record, receiptExtended: false },
        'CREATE',
        `提交订单，共 ${lines.length} 种商品，应付 ${formatFen(record.amounts.payable, { symbol: true })}`,
      );
      orders.push(await saveOrder(ctx, created, null));
      if (group.warehouseId) {
        await reserve(
          ctx,
          orderNo,
          group.warehouseId,
          lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })),
        );
      }
    }
    return { parentNo, orders };
  });
}
