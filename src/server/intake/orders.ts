import { createHash } from 'node:crypto';
import { intakeOrder, type IntakeOrder, type IntakeReason, type IntakeResult } from '../../shared/contract/intake';
import type { ExceptionReasonCode } from '../../shared/domain/exception-reasons';
import { coversShop } from '../../shared/domain/rights';
import type { DataScope } from '../../shared/domain/vocabulary';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import type { WorkContext } from '../orders/context';
import { nextServiceOrderNo } from '../orders/numbers';
import { stateOf } from '../orders/state';
import type { ExternalOrderRow, ShopRow, Tx } from '../storage/repositories';
import { canonical } from './canonical';
import type { Failure } from './checks';
import { heldOrderOf, place } from './release';
import { applyVersion } from './versions';
import { inTurn } from '../storage/in-turn';

/**
 * Who hands orders in: an integration account over HTTP, a platform connector, a person importing
 * a platform's order file. All of them come through intakeOrders: one path into the store.
 */
export interface IntakeSource {
  /** Whose shops it may feed (coversShop). */
  scope: DataScope;
  /** As the timeline's device shows it: "integration:erp", "connector:taobao", "import:admin". */
  via: string;
}

/** The same version of an order, however its JSON was spelled: only content counts. */
export const fingerprintOf = (order: IntakeOrder): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(order)))
    .digest('hex');

const rejected = (externalOrderNo: string | null, reasons: IntakeReason[]): IntakeResult => ({
  externalOrderNo,
  outcome: 'rejected',
  orderNos: [],
  reasons,
});

/** An open exception's reasons, as an intake answer names them. */
function openReasons(tx: Tx, orderNos: readonly string[]): Promise<IntakeReason[]> {
  return inTurn(orderNos, (no) => tx.orders.get(no)).then((rows) =>
    rows.flatMap((row) =>
      row
        ? (stateOf(row).record.exception?.reasons ?? []).map((r) => ({
            code: r.code,
            message: r.detail,
            path: r.lineNo === null ? null : `lines.${r.lineNo - 1}`,
          }))
        : [],
    ),
  );
}

/** The checks that failed, as the answer names them: code, what, and the field at fault. */
const failureReasons = (failures: readonly Failure[]): IntakeReason[] =>
  failures.map((f) => ({ code: f.code, message: f.detail, path: f.path }));

/** Changes an order's source made are logged as that shop's, through the caller's door. */
const shopContext = (deps: Deps, tx: Tx, shop: ShopRow, via: string): WorkContext => ({
  tx,
  now: deps.clock.now(),
  config: deps.config,
  actor: `shop:${shop.id}`,
  device: via,
  origin: 'shop',
  codeIssued: () => deps.codeVerifiers.kick(),
});

/**
 * One order in one unit: new (accepted into children, or held as an exception order), the same
 * version again (unchanged), or a later version (intents on the existing order; a held order is
 * checked again with it). The external order's row is written in the same unit as its orders, and
 * its primary key (shop, number) is what keeps an order from entering twice.
 */
async function intakeOne(deps: Deps, source: IntakeSource, order: IntakeOrder): Promise<IntakeResult> {
  return deps.store.unit(async (tx) => {
    const shop = await tx.shops.get(order.shopId);
    if (!shop)
      return rejected(order.externalOrderNo, [
        { code: 'SHOP_NOT_FOUND', message: `No shop ${order.shopId}`, path: 'shopId' },
      ]);
    const ctx = shopContext(deps, tx, shop, source.via);
    const fingerprint = fingerprintOf(order);
    await tx.externalOrders.claim(shop.id, order.externalOrderNo);
    const known = await tx.externalOrders.get(shop.id, order.externalOrderNo);
    const result = (
      outcome: IntakeResult['outcome'],
      orderNos: string[],
      reasons: IntakeReason[] = [],
    ): IntakeResult => ({
      externalOrderNo: order.externalOrderNo,
      outcome,
      orderNos,
      reasons,
    });

    if (known?.fingerprint === fingerprint) {
      const orderNos = (await tx.orders.childrenOf(known.parentNo)).map((r) => r.orderNo);
      return result('unchanged', orderNos, await openReasons(tx, orderNos));
    }
    if (!known) {
      const parentNo = await nextServiceOrderNo(tx, 'EXTERNAL', ctx.now);
      const placed = await place(ctx, shop, order, parentNo, null);
      await tx.externalOrders.insert({
        shopId: shop.id,
        externalOrderNo: order.externalOrderNo,
        parentNo,
        fingerprint,
        version: JSON.stringify(order),
        lineMap: placed.lineMap,
        held: placed.outcome === 'held',
        receivedAt: ctx.now,
        updatedAt: ctx.now,
      });
      return placed.outcome === 'held'
        ? result('exception', placed.orderNos, failureReasons(placed.checked.failures))
        : result('created', placed.orderNos);
    }
    return later(ctx, shop, known, order, fingerprint, result);
  });
}

/** A later version: a held order is placed again with it; an accepted one gets intents. */
async function later(
  ctx: WorkContext,
  shop: ShopRow,
  known: ExternalOrderRow,
  order: IntakeOrder,
  fingerprint: string,
  result: (outcome: IntakeResult['outcome'], orderNos: string[], reasons?: IntakeReason[]) => IntakeResult,
): Promise<IntakeResult> {
  const { tx } = ctx;
  const before = JSON.parse(known.version) as IntakeOrder;
  const held = await heldOrderOf(ctx, known);
  const row = { ...known, fingerprint, version: JSON.stringify(order), updatedAt: ctx.now };
  if (held) {
    const placed = await place(ctx, shop, order, known.parentNo, held);
    await tx.externalOrders.update({ ...row, lineMap: placed.lineMap, held: placed.outcome === 'held' });
    return placed.outcome === 'held'
      ? result('exception', placed.orderNos, failureReasons(placed.checked.failures))
      : result('updated', placed.orderNos);
  }
  const orderNos = await applyVersion(ctx, shop, known, before, order);
  await tx.externalOrders.update(row);
  return result('updated', orderNos);
}

/** A zod failure as reasons naming the fields. */
const shapeReasons = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string }>): IntakeReason[] =>
  issues.slice(0, 20).map((i) => ({
    code: 'INVALID',
    message: i.message,
    path: i.path.map(String).join('.') || null,
  }));

/**
 * Intake: a batch of orders from outside, each answered in order. A malformed order is rejected on
 * its own (the rest still apply); an order for a shop the source may not feed refuses the whole
 * batch before anything is written (403). Every order then goes through the same checks and the
 * same children, stock and numbering as a checkout; one that fails a check is kept as an
 * exception order, never dropped.
 */
export async function intakeOrders(
  deps: Deps,
  source: IntakeSource,
  raws: readonly unknown[],
): Promise<IntakeResult[]> {
  const parsed = raws.map((raw) => {
    const order = intakeOrder.safeParse(raw);
    const number = (raw as { externalOrderNo?: unknown } | null)?.externalOrderNo;
    return { order, externalOrderNo: typeof number === 'string' ? number : null };
  });
  const foreign = parsed.find((p) => p.order.success && !coversShop(source.scope, p.order.data.shopId));
  if (foreign?.order.success)
    throw new ApiError('SHOP_NOT_IN_SCOPE', `This account may not feed orders of shop ${foreign.order.data.shopId}`);

  const results: IntakeResult[] = [];
  for (const { order, externalOrderNo } of parsed) {
    if (!order.success) {
      results.push(rejected(externalOrderNo, shapeReasons(order.error.issues)));
      continue;
    }
    results.push(await intakeOne(deps, source, order.data));
  }
  return results;
}

/**
 * Checks the held orders of a shop (or of every shop) again: those whose causes are gone (a SKU
 * mapped, stock received) are released into real children. `waived` reasons count as resolved (a
 * person accepted them). Answers the parent numbers released and still held.
 */
export async function recheckHeld(
  deps: Deps,
  options: {
    shopId?: string | null;
    parentNos?: readonly string[];
    waived?: readonly ExceptionReasonCode[];
    via: string;
  },
): Promise<{ released: string[]; held: string[] }> {
  const released: string[] = [];
  const held: string[] = [];
  let after = '';
  for (;;) {
    const batch =
      options.parentNos !== undefined
        ? after === ''
          ? [...options.parentNos]
          : []
        : await deps.store.unit((tx) => tx.externalOrders.held(options.shopId ?? null, after, 100));
    if (batch.length === 0) return { released, held };
    after = batch[batch.length - 1]!;
    for (const parentNo of batch) {
      const outcome = await deps.store.unit(async (tx) => {
        const known = await tx.externalOrders.byParent(parentNo);
        const shop = known && (await tx.shops.get(known.shopId));
        if (!known || !shop) return null;
        const ctx = shopContext(deps, tx, shop, options.via);
        const heldRow = await heldOrderOf(ctx, known);
        if (!heldRow) return null;
        const order = JSON.parse(known.version) as IntakeOrder;
        const placed = await place(ctx, shop, order, parentNo, heldRow, options.waived);
        await tx.externalOrders.update({
          ...known,
          lineMap: placed.lineMap,
          held: placed.outcome === 'held',
          updatedAt: ctx.now,
        });
        return placed.outcome;
      });
      if (outcome === 'accepted') released.push(parentNo);
      else if (outcome === 'held') held.push(parentNo);
    }
  }
}
