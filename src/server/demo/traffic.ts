import { randomInt } from 'node:crypto';
import type { LineRecord, OrderRecord } from '../../shared/contract/records';
import type { Sku } from '../../shared/demo/catalogue';
import { paymentSerialNo } from '../../shared/demo/payments';
import { demoBuyer } from '../../shared/demo/people';
import { priceChild } from '../../shared/demo/pricing';
import { Random } from '../../shared/demo/random';
import type { AfterSaleRecord } from '../../shared/contract/records';
import type { LineQuantity } from '../../shared/domain/line-request';
import { formatFen } from '../../shared/domain/money';
import {
  makeChildOrderNumber,
  makeOrderNumber,
  parentOfOrderNumber,
  SERVICE_DEVICE_CODE,
} from '../../shared/domain/order-number';
import { splitCheckout } from '../../shared/domain/split';
import type { AfterSaleType, DataScope, PaymentChannel, Platform } from '../../shared/domain/vocabulary';
import { draftRecord } from '../../shared/intents/draft';
import type { OrderState } from '../../shared/intents/state';
import { logged } from '../../shared/intents/timeline';
import { requestAfterSale } from '../aftersales/request';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { act } from '../orders/act';
import { allocate } from '../orders/allocate';
import type { WorkContext } from '../orders/context';
import { payOrder } from '../orders/pay';
import { requireOrder, saveOrder, type LoadedOrder } from '../orders/persist';
import { stateOf } from '../orders/state';
import { moveReservations, reserve } from '../orders/stock';
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

/**
 * The service's own order numbers (device 0000): a counter per day, started after the highest
 * number of the day already in use, so checkouts at the same moment on any node never share one.
 */
async function nextMallNumber(tx: Tx, now: number): Promise<string> {
  const prefix = makeOrderNumber({ source: 'MALL', at: now, deviceCode: SERVICE_DEVICE_CODE, seq: 0 }).slice(0, -6);
  const last = await tx.orders.maxParentNo(prefix);
  const inUse = last ? Number(last.slice(prefix.length, prefix.length + 6)) : 0;
  return makeOrderNumber({
    source: 'MALL',
    at: now,
    deviceCode: SERVICE_DEVICE_CODE,
    seq: await tx.counters.next(`order-number:${prefix}`, inUse),
  });
}

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
    const parentNo = await nextMallNumber(tx, ctx.now);
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

/** Pays a whole checkout (by its parent number or any child's): every unpaid child of it. */
export function payCheckout(
  deps: Deps,
  scope: DataScope,
  orderNo: string,
  channel: PaymentChannel,
): Promise<OrderRecord[]> {
  return deps.store.unit(async (tx) => {
    const parentNo = parentOfOrderNumber(orderNo) ?? orderNo;
    const children = (await tx.orders.childrenOf(parentNo)).map((row) => ({ row, state: stateOf(row) }));
    const unpaid = children.filter(({ state }) => state.record.status === 'PENDING_PAYMENT');
    if (children.length === 0) throw new ApiError('ORDER_NOT_FOUND', `No order ${orderNo}`);
    await requireOrder(tx, children[0]!.row.orderNo, scope);
    if (unpaid.length === 0) throw new ApiError('WRONG_STATUS', `Order ${parentNo} has nothing left to pay`);
    const rng = new Random(randomInt(2 ** 31));
    const serialNo = paymentSerialNo(rng, channel, deps.clock.now());
    const paid: OrderRecord[] = [];
    for (const { row, state } of unpaid) {
      const ctx = buyerCtx(deps, tx, state.record.buyer.id, state.record.platform);
      paid.push(await saveOrder(ctx, await payOrder(ctx, state, { channel, serialNo }), row));
    }
    return paid;
  });
}

/** Runs a buyer's action on one child order and saves it. */
function asBuyer<T>(
  deps: Deps,
  scope: DataScope,
  orderNo: string,
  action: (ctx: WorkContext, order: LoadedOrder) => Promise<T>,
): Promise<T> {
  return deps.store.unit(async (tx) => {
    const order = await requireOrder(tx, orderNo, scope);
    return action(buyerCtx(deps, tx, order.state.record.buyer.id, order.state.record.platform), order);
  });
}

export const askAfterSale = (
  deps: Deps,
  scope: DataScope,
  orderNo: string,
  input: { type: AfterSaleType; reason: string; lines?: LineQuantity[] },
): Promise<AfterSaleRecord> => asBuyer(deps, scope, orderNo, (ctx, order) => requestAfterSale(ctx, order, input));

/** The buyer asks for more time once (+3 days physical, +1 day virtual: the shared timer table). */
export const extendReceipt = (deps: Deps, scope: DataScope, orderNo: string): Promise<OrderRecord> =>
  asBuyer(deps, scope, orderNo, (ctx, { row, state }) =>
    saveOrder(ctx, logged(ctx, act(state, { type: 'EXTEND_RECEIPT' }), 'EXTEND_RECEIPT', '买家延长收货'), row),
  );

export const confirmReceipt = (deps: Deps, scope: DataScope, orderNo: string): Promise<OrderRecord> =>
  asBuyer(deps, scope, orderNo, (ctx, { row, state }) => {
    const confirmed: OrderState = act(state, { type: 'CONFIRM_RECEIPT' });
    const next = { ...confirmed, record: { ...confirmed.record, completedAt: ctx.now } };
    return saveOrder(ctx, logged(ctx, next, 'CONFIRM_RECEIPT', '买家确认收货'), row);
  });

/**
 * Moves an unshipped physical order to another warehouse (转仓), reservations and all. Its old
 * warehouse's desks then pull it as order_removed: the demo's way to see an order leave a scope.
 */
export function transferOrder(deps: Deps, caller: Caller, orderNo: string, warehouseId: string): Promise<OrderRecord> {
  return deps.store.unit(async (tx) => {
    const { row, state } = await requireOrder(tx, orderNo, caller.scope);
    const { record } = state;
    const untouched =
      record.kind === 'PHYSICAL' &&
      record.status === 'PENDING_SHIPMENT' &&
      record.lines.every((l) => l.shippedQuantity === 0);
    if (!untouched || record.warehouseId === warehouseId) {
      throw new ApiError('NOT_TRANSFERABLE', 'Only an unshipped 待发货 physical order can move to another warehouse');
    }
    if (!(await tx.places.warehouse(warehouseId)))
      throw new ApiError('NOT_TRANSFERABLE', `No warehouse ${warehouseId}`);
    const ctx: WorkContext = {
      tx,
      now: deps.clock.now(),
      config: deps.config,
      actor: actorLabel(caller),
      device: 'API',
    };
    await moveReservations(ctx, orderNo, warehouseId);
    const moved = { ...state, record: { ...record, warehouseId } };
    return saveOrder(ctx, logged(ctx, moved, 'TRANSFER', `转仓：${record.warehouseId ?? '-'} → ${warehouseId}`), row);
  });
}
