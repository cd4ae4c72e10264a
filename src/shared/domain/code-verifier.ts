/**
 * How a desk recognises a redemption code without ever holding it: the service sends, instead of
 * the code, `scrypt$N$r$p$salt$hash` — a slow, salted hash of it. The salt and cost are the
 * merchant's (one per merchant, so a counter finds a typed code with one hash, not one per code);
 * the hash is the code's. Whoever holds a verifier must spend N-cost scrypt per guess to test it.
 * The hashing itself is Node's (server and desk); this module only reads and writes the format.
 */

export interface VerifierKey {
  N: number;
  r: number;
  p: number;
  /** base64url, 16 random bytes per merchant. */
  salt: string;
}

/** Bytes of scrypt output kept: a false match among a million codes is 1 in 2^108. */
export const VERIFIER_HASH_BYTES = 16;

/** `scrypt$N$r$p$salt`: everything of a verifier but its hash; equal for every code of a merchant. */
export const verifierKeyText = (key: VerifierKey): string => ['scrypt', key.N, key.r, key.p, key.salt].join('$');

export const verifierText = (key: VerifierKey, hash: string): string => `${verifierKeyText(key)}$${hash}`;

const FORMAT = /^scrypt\$(\d{1,9})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{8,64})\$(.+)$/;

/** The key and the hash part of a verifier; null for anything else (a missing or foreign one). */
export function parseVerifier(text: string | null): { key: VerifierKey; hash: string } | null {
  const match = text ? FORMAT.exec(text) : null;
  if (!match) return null;
  const [, N, r, p, salt, hash] = match;
  return { key: { N: Number(N), r: Number(r), p: Number(p), salt: salt! }, hash: hash! };
}

/** A key as `verifierKeyText` wrote it (`scrypt$N$r$p$salt`); null for anything else. */
export function parseVerifierKey(text: string | null): VerifierKey | null {
  return text ? (parseVerifier(`${text}$-`)?.key ?? null) : null;
}
