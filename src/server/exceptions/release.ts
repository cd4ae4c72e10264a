import type { z } from 'zod';
import type { RecheckAnswer } from '../../shared/contract/admin';
import type { mapSkuInput, releaseInput } from '../../shared/contract/exception-orders';
import type { IntakeOrder } from '../../shared/contract/intake';
import { audit } from '../admin/audit';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { recheckHeld } from '../intake/orders';
import { requireOrder } from '../orders/persist';
import { mapSku } from '../shops/manage';
import type { ExternalOrderRow, Tx } from '../storage/repositories';

/** The intake order an exception order is held for, or NOT_HELD: only a held order is released. */
async function heldFor(tx: Tx, caller: Caller, orderNo: string): Promise<ExternalOrderRow> {
  const { state } = await requireOrder(tx, orderNo, caller.scope);
  const known = await tx.externalOrders.byParent(state.record.parentNo);
  if (!known?.held) throw new ApiError('NOT_HELD', `Order ${orderNo} is not held at intake`);
  return known;
}

/**
 * 映射 SKU from the exception queue: each named line's platform item (and SKU) becomes one of ours
 * for the order's shop, audited like the admin's own mapping, and every order of that shop the
 * mapping fixes is checked again and released (not only this one: the next order of the same item
 * would wait for the same mapping).
 */
export async function mapHeldSkus(
  deps: Deps,
  caller: Caller,
  orderNo: string,
  input: z.output<typeof mapSkuInput>,
): Promise<RecheckAnswer> {
  const shopId = await deps.store.unit(async (tx) => {
    const known = await heldFor(tx, caller, orderNo);
    const version = JSON.parse(known.version) as IntakeOrder;
    for (const { lineNo, sku } of input.lines) {
      const line = version.lines[lineNo - 1];
      if (!line?.platformItemId)
        throw new ApiError('VALIDATION_FAILED', `Order ${orderNo} has no line ${lineNo} with a platform item`);
      const row = await mapSku(tx, known.shopId, {
        platformItemId: line.platformItemId,
        platformSkuId: line.platformSkuId ?? '',
        sku,
      });
      await audit(tx, { actor: actorLabel(caller), now: deps.clock.now() }, 'mapping.put', `shop:${known.shopId}`, {
        ...row,
        orderNo,
      });
    }
    return known.shopId;
  });
  return recheckHeld(deps, { shopId, via: actorLabel(caller) });
}

/** Checked again with the reasons a supervisor accepts (ship as charged); released if nothing else is wrong. */
export async function releaseHeld(
  deps: Deps,
  caller: Caller,
  orderNo: string,
  input: z.output<typeof releaseInput>,
): Promise<RecheckAnswer> {
  const parentNo = await deps.store.unit(async (tx) => (await heldFor(tx, caller, orderNo)).parentNo);
  return recheckHeld(deps, { parentNos: [parentNo], waived: input.waive, via: actorLabel(caller) });
}
