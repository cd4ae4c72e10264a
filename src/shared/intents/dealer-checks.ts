import type { BuyerRecord, ReceiverRecord } from '../contract/records';
import { parseOrderNumber } from '../domain/order-number';

export type FieldErrors = Record<string, string>;

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (what carriers' SMS notices need). */
const MOBILE = /^1[3-9]\d{9}$/;
const blank = (text: string): boolean => text.trim() === '';

/** A receiver a carrier can deliver to. Each failing field is named on its own. */
const RECEIVER_CHECKS: ReadonlyArray<
  readonly [field: keyof ReceiverRecord, fails: (r: ReceiverRecord) => string | null]
> = [
  ['name', (r) => (blank(r.name) ? 'REQUIRED' : null)],
  ['phone', (r) => (blank(r.phone) ? 'REQUIRED' : MOBILE.test(r.phone.trim()) ? null : 'PHONE_FORMAT')],
  ['province', (r) => (blank(r.province) ? 'REQUIRED' : null)],
  ['city', (r) => (blank(r.city) ? 'REQUIRED' : null)],
  ['address', (r) => (blank(r.address) ? 'REQUIRED' : null)],
];

export function receiverErrors(receiver: ReceiverRecord): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, fails] of RECEIVER_CHECKS) {
    const code = fails(receiver);
    if (code) errors[`receiver.${field}`] = code;
  }
  return errors;
}

/**
 * A walk-in customer (散客) has no buyer number: the order is recorded under the dealer's walk-in
 * buyer, reached through the receiver, so the dealer is never held up by a field nobody can fill.
 */
export function withWalkInBuyer<T extends { dealerId: string; buyer: BuyerRecord; receiver: ReceiverRecord }>(
  draft: T,
): T {
  const { buyer, receiver } = draft;
  if (!blank(buyer.id) && !blank(buyer.account)) return draft;
  return {
    ...draft,
    buyer: {
      ...buyer,
      id: blank(buyer.id) ? `WALKIN-${draft.dealerId}` : buyer.id.trim(),
      account: blank(buyer.account) ? receiver.phone.trim() || '散客' : buyer.account.trim(),
      name: blank(buyer.name) ? receiver.name.trim() : buyer.name,
    },
  };
}

/**
 * An empty field the schema wants filled is 必填 (REQUIRED); anything else it refuses is 格式不正确
 * (INVALID). Read from a schema issue: a string or list below its minimum size of 1 is empty.
 */
export function schemaFieldError(issue: { code: string; minimum?: number | bigint }): string {
  return issue.code === 'too_small' && Number(issue.minimum) === 1 ? 'REQUIRED' : 'INVALID';
}

/**
 * A dealer's order number is made offline on the dealer's device (order-number.ts): a parent
 * number with the dealer marker and THIS device's code, so it can only collide with itself.
 */
export function orderNoError(orderNo: string, deviceCode: number): string | null {
  const parsed = parseOrderNumber(orderNo);
  if (!parsed || parsed.childIndex !== null) return 'ORDER_NO_FORMAT';
  if (parsed.source !== 'DEALER') return 'ORDER_NO_SOURCE';
  if (parsed.deviceCode !== deviceCode) return 'ORDER_NO_FOREIGN_DEVICE';
  return null;
}
