import { scrypt } from 'node:crypto';
import { VERIFIER_HASH_BYTES, verifierText, type VerifierKey } from '../shared/domain/code-verifier';

/**
 * A code's verifier under a merchant's key: scrypt on libuv's pool, never on an event loop. The
 * service computes it for each code it issues; a desk, for the code a clerk types.
 */
export function codeVerifier(code: string, key: VerifierKey): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(
      code,
      Buffer.from(key.salt, 'base64url'),
      VERIFIER_HASH_BYTES,
      { N: key.N, r: key.r, p: key.p, maxmem: 256 * key.N * key.r },
      (error, hash) => (error ? reject(error) : resolve(verifierText(key, hash.toString('base64url')))),
    );
  });
}
