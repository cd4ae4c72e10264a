import type { ReceiverRecord } from '../contract/records';
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
  ['phone', (r) => (MOBILE.test(r.phone.trim()) ? null : 'PHONE_FORMAT')],
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
