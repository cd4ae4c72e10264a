import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { OrderRecord } from '../../shared/contract/records';
import type { Intent } from '../../shared/contract/sync';
import { parseVerifier, parseVerifierKey, verifierKeyText } from '../../shared/domain/code-verifier';
import { codeVerifier } from '../../node/code-hash';
import type { Db } from '../db/connection';
import type { SealKey } from '../session/seal-key';
import { deleteSyncState, readSyncState, writeSyncState } from '../sync/sync-state';

/**
 * What keeps redemption codes unreadable on this desk. The service never sends a code, only its
 * verifier (a slow salted hash, shared/domain/code-verifier.ts); the desk stores even that only
 * sealed: an HMAC under this desk's own random key (session/seal-key.ts, kept with safeStorage),
 * so a copied database cannot test a single guess. A code the clerk typed and queued for the
 * service (an offline redemption) is kept encrypted under the same key until it is sent.
 */
export interface CodeSeal {
  /** The record as this desk stores it: its verifier sealed (idempotent). */
  sealRecord(record: OrderRecord): OrderRecord;
  /** A verifier as this desk stores it (idempotent): what sealRecord does to a record's, for rows prepared apart. */
  sealVerifier(verifier: string): string;
  /**
   * The stored forms a typed code would have, one per verifier key the desk holds (usually one per
   * merchant): one scrypt each, off the event loop, remembered briefly so a preview and its
   * confirmation hash once.
   */
  lookupKeys(code: string, verifierKeys: readonly string[]): Promise<string[]>;
  /** A typed code as the outbox keeps it. */
  sealCode(code: string): string;
  /** The intent as the service must receive it: a sealed code opened ('' when it cannot be). */
  openIntent(intent: Intent): Intent;
}

const SEALED = 'sealed:';
const ENCRYPTED = 'enc1:';
/** A preview and its confirmation come seconds apart; the typed code's hashes are kept that long. */
const REMEMBER_MS = 120_000;
const REMEMBER_MAX = 32;

/** The stored form's verifier key part: `scrypt$N$r$p$salt` of `scrypt$N$r$p$salt$sealed:…`. */
export const keyTextOf = (stored: string): string | null => {
  const parsed = parseVerifier(stored);
  return parsed ? verifierKeyText(parsed.key) : null;
};

export function createCodeSeal(sealKey: Buffer, now: () => number = Date.now): CodeSeal {
  const macKey = Buffer.from(hkdfSync('sha256', sealKey, Buffer.alloc(0), 'code lookup', 32));
  const encKey = Buffer.from(hkdfSync('sha256', sealKey, Buffer.alloc(0), 'outbox code', 32));
  const sealVerifier = (verifier: string): string => {
    const parsed = parseVerifier(verifier);
    if (!parsed || parsed.hash.startsWith(SEALED)) return verifier;
    const mac = createHmac('sha256', macKey).update(parsed.hash).digest('base64url');
    return `${verifierKeyText(parsed.key)}$${SEALED}${mac}`;
  };
  const remembered = new Map<string, { at: number; keys: Promise<string> }>();
  const lookupKey = (code: string, keyText: string): Promise<string> => {
    const id = `${keyText}|${code}`;
    const hit = remembered.get(id);
    if (hit && now() - hit.at < REMEMBER_MS) return hit.keys;
    const key = parseVerifierKey(keyText);
    if (!key) return Promise.resolve('');
    const keys = codeVerifier(code, key).then(sealVerifier);
    remembered.set(id, { at: now(), keys });
    if (remembered.size > REMEMBER_MAX) remembered.delete(remembered.keys().next().value as string);
    return keys;
  };
  const openCode = (sealed: string): string => {
    if (!sealed.startsWith(ENCRYPTED)) return sealed;
    try {
      const [iv, body, tag] = sealed
        .slice(ENCRYPTED.length)
        .split('.')
        .map((p) => Buffer.from(p, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', encKey, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
    } catch {
      // Sealed under a key this desk no longer has: the service refuses the empty code, and the
      // intent lands in the exceptions inbox instead of blocking the queue.
      return '';
    }
  };
  return {
    sealVerifier,
    sealRecord(record) {
      const code = record.redemptionCode;
      if (!code?.verifier) return record;
      const verifier = sealVerifier(code.verifier);
      return verifier === code.verifier ? record : { ...record, redemptionCode: { ...code, verifier } };
    },
    lookupKeys: (code, verifierKeys) => Promise.all(verifierKeys.map((keyText) => lookupKey(code, keyText))),
    sealCode(code) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
      return ENCRYPTED + [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },
    openIntent(intent) {
      if (intent.type !== 'REDEEM') return intent;
      return { ...intent, payload: { ...intent.payload, code: openCode(intent.payload.code) } };
    },
  };
}

/**
 * The seal of a signed-in user's store. Rows sealed under another key (one that could not be read
 * back, or a store from before seal keys) can never match a lookup again: the cursor is dropped so
 * the next sync pulls every order afresh and seals it under this key.
 */
export function sealFor(db: Db, sealKey: SealKey): CodeSeal {
  if (readSyncState(db, 'sealKeyId') !== sealKey.id) {
    db.transaction(() => {
      deleteSyncState(db, 'cursor');
      writeSyncState(db, 'sealKeyId', sealKey.id);
    })();
  }
  return createCodeSeal(sealKey.key);
}
