import type { OrderRecord } from '../contract/records';

/**
 * The generator draws each demo voucher's code, and only the service may know it: it stands in the
 * generated record as `demo:<code>`, which the service's seed turns into the code row and a real
 * verifier before anything is stored or sent. No desk ever receives this form.
 */
const DEMO_MARK = 'demo:';

export const demoCodeMark = (code: string): string => DEMO_MARK + code;

/** The code a generated record carries, or null when it carries none (or a real verifier). */
export const demoCodeOf = (record: OrderRecord): string | null => {
  const verifier = record.redemptionCode?.verifier;
  return verifier?.startsWith(DEMO_MARK) ? verifier.slice(DEMO_MARK.length) : null;
};
