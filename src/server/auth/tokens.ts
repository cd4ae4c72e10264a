import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: unguessable. Only the hash is stored, so a copied database opens no session. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
