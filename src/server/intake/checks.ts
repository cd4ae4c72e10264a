import type { IntakeLine, IntakeOrder } from '../../shared/contract/intake';
import type { ExceptionReasonCode } from '../../shared/domain/exception-reasons';
import { amountProblems } from '../../shared/intake/platform-amounts';
import { receiverErrors } from '../../shared/intents/dealer-checks';
import { allocate } from '../orders/allocate';
import type { WorkContext } from '../orders/context';
import type { ProductRow, ShopRow } from '../storage/repositories';
import { mappingKey } from '../storage/repos/shops';
import { inTurn } from '../storage/in-turn';

/** One failed check: the exception reason it becomes, and where in the order it is. */
export interface Failure {
  code: ExceptionReasonCode;
  detail: string;
  /** "lines.2.sku", "receiver.phone", "amounts.paid", or null for the order as a whole. */
  path: string | null;
  /** 0-based input line, when the failure is about one. */
  line: number | null;
}

export interface CheckedOrder {
  /** The catalogue item each input line is, where it could be told. */
  products: Array<ProductRow | null>;
  /** The warehouse each line ships from (null: not stocked goods, or not allocated). */
  warehouses: Array<string | null>;
  failures: Failure[];
}

const RECEIVER_FIELDS: Record<string, string> = {
  name: '收货人',
  phone: '手机号',
  province: '省份',
  city: '城市',
  address: '详细地址',
};

/** Which of our SKUs a line is: the shop's mapping of the platform item first, then our own code. */
async function resolveLine(
  ctx: WorkContext,
  shop: ShopRow,
  line: IntakeLine,
  mapped: Map<string, string>,
): Promise<{ sku: string } | { failure: Omit<Failure, 'line' | 'path'> & { field: string } }> {
  if (line.platformItemId !== undefined) {
    const sku = mapped.get(mappingKey(line.platformItemId, line.platformSkuId ?? ''));
    if (sku) return { sku };
  }
  if (line.sku !== undefined) {
    const known = await ctx.tx.catalogue.products([line.sku]);
    if (known.has(line.sku)) return { sku: line.sku };
    return {
      failure: { code: 'SKU_UNKNOWN', detail: `商品编码 ${line.sku}（${line.name}）不在商品库中`, field: 'sku' },
    };
  }
  return {
    failure: {
      code: 'SKU_UNMAPPED',
      detail: `${shop.name} 的商品 ${line.platformItemId}/${line.platformSkuId ?? '-'}（${line.name}）未对应本店 SKU`,
      field: 'platformItemId',
    },
  };
}

/**
 * The checks every order from outside passes (domain.md: the same as a dealer's order, plus
 * amounts that add up and known SKUs): the shop may sell, each line is a known SKU on sale (and in
 * a dealer shop's price list), the receiver can be delivered to, the amounts add up, and stock
 * covers the goods. Every failure is named, not only the first; stock is looked at only for lines
 * that are otherwise fine, so a bad line does not hide a shortage.
 */
export async function checkOrder(ctx: WorkContext, shop: ShopRow, order: IntakeOrder): Promise<CheckedOrder> {
  const failures: Failure[] = [];
  if (!shop.enabled)
    failures.push({ code: 'NOT_ENTITLED', detail: `店铺 ${shop.name} 已停用`, path: 'shopId', line: null });

  const keys = order.lines.flatMap((l) =>
    l.platformItemId === undefined ? [] : [{ itemId: l.platformItemId, skuId: l.platformSkuId ?? '' }],
  );
  const mapped = await ctx.tx.shops.mappedSkus(shop.id, keys);
  const resolved = await inTurn(order.lines, (line) => resolveLine(ctx, shop, line, mapped));
  const skus = resolved.flatMap((r) => ('sku' in r ? [r.sku] : []));
  const catalogue = await ctx.tx.catalogue.products(skus);
  const dealerPrices = shop.dealerId ? await ctx.tx.catalogue.dealerPrices(shop.dealerId, skus) : null;

  const products = resolved.map((r, i): ProductRow | null => {
    if (!('sku' in r)) {
      const { field, ...failure } = r.failure;
      failures.push({ ...failure, path: `lines.${i}.${field}`, line: i });
      return null;
    }
    const product = catalogue.get(r.sku) ?? null;
    const name = order.lines[i]?.name ?? r.sku;
    if (product && !product.onSale)
      failures.push({ code: 'OFF_SALE', detail: `${r.sku}（${name}）已下架`, path: `lines.${i}`, line: i });
    if (product && dealerPrices && !dealerPrices.has(r.sku))
      failures.push({
        code: 'NOT_ENTITLED',
        detail: `${r.sku}（${name}）不在经销商 ${shop.dealerId} 的价目表中`,
        path: `lines.${i}`,
        line: i,
      });
    return product;
  });

  // Unknown goods are taken to ship, so an order of them still needs somewhere to go.
  if (products.some((p) => p === null || p.kind === 'PHYSICAL')) {
    const missing =
      order.receiver === null
        ? Object.keys(RECEIVER_FIELDS)
        : Object.keys(receiverErrors(order.receiver)).map((f) => f.slice('receiver.'.length));
    if (missing.length > 0)
      failures.push({
        code: 'RECEIVER_INCOMPLETE',
        detail: `收货信息不完整：${missing.map((f) => RECEIVER_FIELDS[f] ?? f).join('、')}`,
        path: order.receiver === null ? 'receiver' : `receiver.${missing[0]}`,
        line: null,
      });
  }

  for (const problem of amountProblems(order.amounts, order.lines))
    failures.push({ code: 'AMOUNTS_MISMATCH', detail: problem.detail, path: problem.path, line: null });

  const fine = (i: number) => products[i] !== null && !failures.some((f) => f.line === i);
  const demands = order.lines.flatMap((line, i) =>
    fine(i) ? [{ i, sku: products[i]!.sku, quantity: line.quantity, physical: products[i]!.kind === 'PHYSICAL' }] : [],
  );
  const allocation = await allocate(ctx, demands, order.receiver?.province.trim() || null);
  for (const short of allocation.short) {
    const { i } = demands[short]!;
    failures.push({
      code: 'STOCK_SHORT',
      detail: `${products[i]!.sku}（${order.lines[i]!.name}）库存不足 ${order.lines[i]!.quantity} 件`,
      path: `lines.${i}.quantity`,
      line: i,
    });
  }
  const warehouses = order.lines.map((_l, i) => allocation.warehouses[demands.findIndex((d) => d.i === i)] ?? null);
  return { products, warehouses, failures };
}
