import type { OrderRecord } from '../contract/records';
import type { IntentPayload } from '../contract/sync';
import { mergeRefusal, type MergeFacts } from '../domain/shipments';
import { accepted, refusal, type ApplyContext, type Applied, type Refused } from './result';
import { shippableNow } from './split';
import { orderStateOf, type OrderState } from './state';
import { logged } from './timeline';

/** What 合单 compares: the buyer, the receiver exactly as the label will print it, the warehouse. */
export function mergeFactsOf(record: OrderRecord): MergeFacts {
  const r = record.receiver;
  return {
    orderNo: record.orderNo,
    buyerId: record.buyer.id,
    receiver: r ? [r.name, r.phone, r.province, r.city, r.district, r.address].join('|') : '',
    warehouseId: record.warehouseId,
  };
}

const sameMerge = (record: OrderRecord, p: IntentPayload<'MERGE'>): boolean =>
  record.merge?.id === p.mergeId && record.merge.orderNos.join() === p.orderNos.join();

/** MERGE (合单): this order joins a merge; the others are checked by mergeCheck before it is applied. */
export function applyMerge(state: OrderState, payload: IntentPayload<'MERGE'>, ctx: ApplyContext): Applied {
  const { record } = state;
  if (!payload.orderNos.includes(record.orderNo))
    return refusal('ORDER_MISMATCH', `Order ${record.orderNo} is not one of the merge's orders`);
  if (new Set(payload.orderNos).size < 2) return refusal('MERGE_TOO_FEW', 'A merge joins at least two orders');
  if (sameMerge(record, payload)) return accepted(state);
  if (record.merge) return refusal('ALREADY_MERGED', `Order ${record.orderNo} is merged already`);
  if (record.split?.parts.some((p) => p.waybillId === null))
    return refusal('ALREADY_SPLIT', `Order ${record.orderNo} is split into parcels`);
  const blocked = shippableNow(state);
  if (blocked) return blocked;
  const others = payload.orderNos.filter((n) => n !== record.orderNo);
  const next = { ...record, merge: { id: payload.mergeId, orderNos: payload.orderNos } };
  return accepted(logged(ctx, { ...state, record: next }, 'MERGE', `合单：与 ${others.join('、')} 合为一个包裹发货`));
}

/** UNMERGE: the order leaves its merge (the others stay merged with each other) and ships alone. */
export function applyUnmerge(state: OrderState, payload: IntentPayload<'UNMERGE'>, ctx: ApplyContext): Applied {
  const { record } = state;
  if (record.merge?.id !== payload.mergeId)
    return refusal('NOT_MERGED', `Order ${record.orderNo} is not in that merge`);
  const blocked = shippableNow(state);
  if (blocked) return blocked;
  const { merge: _left, ...rest } = record;
  return accepted(logged(ctx, { ...state, record: rest }, 'UNMERGE', '撤销合单：单独发货'));
}

/**
 * A merge as a whole, before any of its orders joins: the orders it names, as the caller holds them,
 * must share buyer, receiver and warehouse, and each must be able to join. The first refusal names
 * the order it is about.
 */
export function mergeCheck(records: readonly OrderRecord[], payload: IntentPayload<'MERGE'>): Refused | null {
  const mismatch = mergeRefusal(records.map(mergeFactsOf));
  if (mismatch) return refusal(mismatch, 'Merged orders share buyer, receiver and warehouse');
  for (const record of records) {
    const joined = applyMerge(
      orderStateOf(record),
      { ...payload, orderNo: record.orderNo },
      {
        now: 0,
        actor: '',
        device: '',
      },
    );
    if (!joined.ok) return { ...joined, message: `${record.orderNo}: ${joined.message ?? joined.code}` };
  }
  return null;
}

/**
 * A merged order ships only with its merge, in one parcel; a parcel naming a merge ships only
 * orders that are in it.
 */
export function mergeShipRefusal(record: OrderRecord, payload: IntentPayload<'SHIP'>): Refused | null {
  if (payload.merge === undefined && record.merge)
    return refusal(
      'MERGED_ORDER',
      `Order ${record.orderNo} ships with its merge (${record.merge.orderNos.join(', ')})`,
    );
  if (payload.merge === undefined) return null;
  if (record.merge?.id !== payload.merge) return refusal('NOT_MERGED', `Order ${record.orderNo} is not in that merge`);
  if (payload.parcels.length !== 1) return refusal('MERGED_ORDER', 'A merge ships in one parcel under one label');
  return null;
}
