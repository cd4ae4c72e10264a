import type { IntakeOrder } from '../../shared/contract/intake';
import type { ExternalRecord, LineRecord, ReceiverRecord } from '../../shared/contract/records';
import { formatFen } from '../../shared/domain/money';
import { makeChildOrderNumber } from '../../shared/domain/order-number';
import { splitCheckout } from '../../shared/domain/split';
import type { OrderKind } from '../../shared/domain/vocabulary';
import { splitPlatformAmounts } from '../../shared/intake/platform-amounts';
import { draftRecord } from '../../shared/intents/draft';
import { cancelRecord } from '../../shared/intents/cancel';
import { payRecord } from '../../shared/intents/pay';
import type { OrderState } from '../../shared/intents/state';
import { logged } from '../../shared/intents/timeline';
import { applied } from '../orders/act';
import type { WorkContext } from '../orders/context';
import { withServiceCode } from '../orders/pay';
import { reviewIfRuled } from '../review/hold';
import type { LineMapEntry } from '../outbound/enqueue';
import type { ProductRow, ShopRow } from '../storage/repositories';
import type { CheckedOrder, Failure } from './checks';

export const externalOf = (shop: ShopRow, order: IntakeOrder): ExternalRecord => ({
  shopId: shop.id,
  shopName: shop.name,
  channel: shop.channel,
  externalOrderNo: order.externalOrderNo,
  platformStatus: order.platformStatus,
});

/** "禾木生活旗舰店（天猫）订单 3620…": where the timeline says an order or a change came from. */
export const fromShop = (shop: ShopRow, order: IntakeOrder): string => `${shop.name}订单 ${order.externalOrderNo}`;

const receiverOf = (order: IntakeOrder): ReceiverRecord | null =>
  order.receiver && {
    name: order.receiver.name || '-',
    phone: order.receiver.phone || '-',
    province: order.receiver.province || '-',
    city: order.receiver.city || '-',
    district: order.receiver.district,
    address: order.receiver.address || '-',
    postcode: order.receiver.postcode,
  };

/** The platform's order time, never later than now (a platform clock ahead of ours). */
const createdAtOf = (ctx: WorkContext, order: IntakeOrder): number => Math.min(order.createdAt, ctx.now);

/**
 * What paying an order from intake brings besides the payment: an accepted child gets its
 * redemption code (service orders, drawn when it is saved) and passes 审单; the held stand-in of an
 * exception order gets neither.
 */
export type SettleAs = 'accepted' | 'held';

/**
 * Payment and cancellation as the version says, through the machine, for whatever has not happened
 * yet: paid at the platform's time; cancelled only while unpaid (a platform that cancels a paid
 * order refunds it, which comes as a refund). A child paid here passes 审单 like any other way in:
 * the admin's rules may hold it for review before a warehouse sees it.
 */
export async function settle(
  ctx: WorkContext,
  state: OrderState,
  order: IntakeOrder,
  as: SettleAs,
): Promise<OrderState> {
  let next = state;
  if (next.record.status === 'PENDING_PAYMENT' && order.status !== 'UNPAID' && order.payment) {
    const paid = applied(payRecord(next, { channel: order.payment.channel, serialNo: order.payment.serialNo }, ctx));
    next = { ...paid, record: { ...paid.record, paidAt: Math.min(order.payment.paidAt, ctx.now) } };
    if (as === 'accepted') next = await reviewIfRuled(ctx, await withServiceCode(ctx, next));
  }
  if (order.status === 'CANCELLED' && next.record.status === 'PENDING_PAYMENT')
    next = applied(cancelRecord(next, `平台已取消：${order.platformStatus || '买家取消'}`, ctx));
  return next;
}

export interface BuiltChild {
  state: OrderState;
  warehouseId: string | null;
}

/**
 * An accepted order's children, exactly as a checkout splits (shared splitCheckout: merchant,
 * then warehouse, then kind), each a snapshot of our catalogue at the platform's price, with the
 * platform's amounts split over them (splitPlatformAmounts), then paid or cancelled as the
 * version says. A service child gets its redemption code when paid and is redeemed in its
 * merchant's first store.
 */
export async function acceptedChildren(
  ctx: WorkContext,
  shop: ShopRow,
  order: IntakeOrder,
  checked: CheckedOrder,
  parentNo: string,
): Promise<{ children: BuiltChild[]; lineMap: LineMapEntry[] }> {
  const cart = order.lines.map((line, index) => {
    const product = checked.products[index]!;
    return {
      index,
      line,
      product,
      merchantId: product.merchantId,
      warehouseId: checked.warehouses[index] ?? null,
      kind: product.kind,
    };
  });
  const groups = splitCheckout(cart);
  const shares = splitPlatformAmounts(
    order.amounts,
    order.lines,
    groups.map((g) => g.lines.map((l) => l.index)),
  );
  const children: BuiltChild[] = [];
  const lineMap: LineMapEntry[] = [];
  for (const [g, group] of groups.entries()) {
    const share = shares[g]!;
    const orderNo = makeChildOrderNumber(parentNo, group.childIndex);
    const kind: OrderKind = group.kind ?? 'PHYSICAL';
    const lines: LineRecord[] = group.lines.map(({ line, product }, j) => ({
      lineNo: j + 1,
      merchantId: product.merchantId,
      sku: product.sku,
      name: product.name,
      spec: product.spec,
      image: product.image,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      discount: share.lines[j]?.discount ?? 0,
      payable: share.lines[j]?.payable ?? 0,
      shippedQuantity: 0,
      refundedQuantity: 0,
    }));
    group.lines.forEach(({ index, line }, j) =>
      lineMap.push({
        orderNo,
        lineNo: j + 1,
        input: index,
        platformLineId: line.platformLineId ?? null,
        platformItemId: line.platformItemId ?? null,
        platformSkuId: line.platformSkuId ?? null,
      }),
    );
    const stores = kind === 'SERVICE' ? await ctx.tx.places.storesOf(group.merchantId) : [];
    const draft = draftRecord({
      orderNo,
      parentNo,
      kind,
      source: 'EXTERNAL',
      platform: shop.platform,
      merchantId: group.merchantId,
      merchantName: group.lines[0]?.product.merchantName ?? '',
      warehouseId: group.warehouseId,
      storeId: stores[0]?.id ?? null,
      dealerId: shop.dealerId,
      buyer: order.buyer,
      receiver: kind === 'VIRTUAL' ? null : receiverOf(order),
      lines,
      amounts: share.amounts,
      promotions: share.promotions,
      invoice: order.invoice,
      remark: order.buyerRemark,
      createdAt: createdAtOf(ctx, order),
      external: externalOf(shop, order),
    });
    const created = logged(
      ctx,
      { record: draft, receiptExtended: false },
      'CREATE',
      `${fromShop(shop, order)}，共 ${lines.length} 种商品，应付 ${formatFen(share.amounts.payable, { symbol: true })}`,
    );
    children.push({ state: await settle(ctx, created, order, 'accepted'), warehouseId: group.warehouseId });
  }
  return { children, lineMap };
}

/** A held line: what we know of it (our SKU when told), otherwise the platform's own words. */
function heldLine(
  order: IntakeOrder,
  shop: ShopRow,
  products: ReadonlyArray<ProductRow | null>,
  i: number,
): LineRecord {
  const line = order.lines[i]!;
  const product = products[i];
  const platformCode = [line.platformItemId, line.platformSkuId].filter(Boolean).join('/');
  return {
    lineNo: i + 1,
    merchantId: product?.merchantId ?? shop.merchantId,
    sku: (product?.sku ?? line.sku ?? platformCode) || '-',
    name: product?.name ?? line.name,
    spec: product?.spec ?? line.spec,
    image: product?.image ?? line.image,
    unitPrice: line.unitPrice,
    quantity: line.quantity,
    discount: 0,
    payable: line.unitPrice * line.quantity,
    shippedQuantity: 0,
    refundedQuantity: 0,
  };
}

export const reasonsOf = (failures: readonly Failure[]) =>
  failures.map((f) => ({ code: f.code, detail: f.detail.slice(0, 300), lineNo: f.line === null ? null : f.line + 1 }));

/**
 * An order that failed a check is kept, never dropped: one child under the parent number, all its
 * lines as sent (line n = the version's line n), no warehouse until it is released, no stock held,
 * paid as the platform says, with its open exception. A person (or a re-check after the cause is
 * fixed) releases it into real children.
 */
export async function heldChild(
  ctx: WorkContext,
  shop: ShopRow,
  order: IntakeOrder,
  checked: CheckedOrder,
  parentNo: string,
  previous: OrderState | null,
): Promise<{ state: OrderState; lineMap: LineMapEntry[] }> {
  const orderNo = makeChildOrderNumber(parentNo, 1);
  const lines = order.lines.map((_l, i) => heldLine(order, shop, checked.products, i));
  const [share] = splitPlatformAmounts(order.amounts, order.lines, [order.lines.map((_l, i) => i)]);
  const kinds = new Set(checked.products.map((p) => p?.kind ?? 'PHYSICAL'));
  const kind: OrderKind = kinds.size === 1 ? [...kinds][0]! : 'PHYSICAL';
  const draft = draftRecord({
    orderNo,
    parentNo,
    kind,
    source: 'EXTERNAL',
    platform: shop.platform,
    merchantId: shop.merchantId,
    // The shop's merchant, even when none of the lines is a known product (an unknown SKU).
    merchantName: (await ctx.tx.places.merchant(shop.merchantId))?.name ?? '',
    warehouseId: null,
    storeId: null,
    dealerId: shop.dealerId,
    buyer: order.buyer,
    receiver: kind === 'VIRTUAL' ? null : receiverOf(order),
    lines: lines.map((l, i) => ({
      ...l,
      discount: share!.lines[i]?.discount ?? 0,
      payable: share!.lines[i]?.payable ?? 0,
    })),
    amounts: share!.amounts,
    promotions: share!.promotions,
    invoice: order.invoice,
    remark: order.buyerRemark,
    createdAt: createdAtOf(ctx, order),
    external: externalOf(shop, order),
  });
  const reasons = reasonsOf(checked.failures);
  const summary = reasons.map((r) => r.detail).join('；');
  let state: OrderState;
  if (previous) {
    // A later version of a held order: its data as the shop now says; its state and history kept.
    const kept = previous.record;
    state = logged(
      ctx,
      {
        ...previous,
        record: {
          ...draft,
          status: kept.status,
          paymentStatus: kept.paymentStatus,
          refundStatus: kept.refundStatus,
          locked: kept.locked,
          lockReason: kept.lockReason,
          payment: kept.payment,
          paidAt: kept.paidAt,
          amounts: { ...draft.amounts, paid: kept.paymentStatus === 'UNPAID' ? 0 : draft.amounts.payable },
          timeline: kept.timeline,
        },
      },
      'EXTERNAL_UPDATE',
      `${fromShop(shop, order)} 有新版本`,
    );
  } else {
    state = logged(
      ctx,
      { record: draft, receiptExtended: false },
      'CREATE',
      `${fromShop(shop, order)}，共 ${lines.length} 种商品`,
    );
  }
  state = await settle(ctx, state, order, 'held');
  state = logged(
    ctx,
    {
      ...state,
      record: { ...state.record, exception: { reasons, openedAt: previous?.record.exception?.openedAt ?? ctx.now } },
    },
    'EXCEPTION',
    `转入异常队列：${summary}`,
  );
  const lineMap = order.lines.map((line, i) => ({
    orderNo,
    lineNo: i + 1,
    input: i,
    platformLineId: line.platformLineId ?? null,
    platformItemId: line.platformItemId ?? null,
    platformSkuId: line.platformSkuId ?? null,
  }));
  return { state, lineMap };
}
