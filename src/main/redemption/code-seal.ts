import { createHmac } from 'node:crypto';
import type { OrderRecord } from '../../shared/contract/records';

/**
 * Redemption codes are kept on disk only as seals: an HMAC keyed by a secret derived from the
 * clerk's password, which exists in memory only while they are signed in. A stolen laptop's
 * database gives no usable code (six digits cannot be brute-forced against a keyed HMAC without
 * the key), yet the counter can still look a code up offline by sealing what the customer shows.
 */
export interface CodeSeal {
  seal(code: string): string;
  /** A stored code: sealed, or left as it is when it already is a seal. */
  sealStored(code: string): string;
  /** The record as stored: its code replaced by the seal. */
  sealRecord(record: OrderRecord): OrderRecord;
}

const PREFIX = 'sealed:';

export function createCodeSeal(secretKey: Buffer): CodeSeal {
  const seal = (code: string) => PREFIX + createHmac('sha256', secretKey).update(code).digest('base64url');
  return {
    seal,
    sealStored: (code) => (code.startsWith(PREFIX) ? code : seal(code)),
    sealRecord(record) {
      const code = record.redemptionCode;
      if (!code || code.code.startsWith(PREFIX)) return record;
      return { ...record, redemptionCode: { ...code, code: seal(code.code) } };
    },
  };
}

/** For applying a clerk's own intent: the record with the code they typed in place of its seal. */
export function unsealedFor(record: OrderRecord, code: string): OrderRecord {
  return record.redemptionCode ? { ...record, redemptionCode: { ...record.redemptionCode, code } } : record;
}
