import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A shop's app secret and session are sealed at rest with AES-256-GCM under a key from the
 * service's configuration: `ORDER_SERVICE_SECRET_KEY` (32 bytes as base64 or 64 hex digits), or
 * a key file named by `--secret-key-file`. Without either, a key file is made once beside the
 * data (`<data>/secret.key`, mode 600), which keeps a copied database alone useless but not a
 * copied data folder: a deployment sets the variable. Sealed text says its version, so the
 * scheme can change without guessing.
 */

export const SECRET_KEY_ENV = 'ORDER_SERVICE_SECRET_KEY';
const VERSION = 'v1';

export class SecretKeyError extends Error {}

export interface SecretKeySource {
  env?: string | undefined;
  keyFile?: string | undefined;
  dataDir: string;
}

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new SecretKeyError(`${where} must hold 32 bytes (base64 or 64 hex digits)`);
  return key;
}

/** The key from the variable, the named file, or (made once) the data folder's key file. */
export function loadSecretKey(source: SecretKeySource): { key: Buffer; from: 'env' | 'file' | 'data' } {
  if (source.env) return { key: decodeKey(source.env, SECRET_KEY_ENV), from: 'env' };
  if (source.keyFile) {
    if (!existsSync(source.keyFile)) throw new SecretKeyError(`no key file at ${source.keyFile}`);
    return { key: decodeKey(readFileSync(source.keyFile, 'utf8'), source.keyFile), from: 'file' };
  }
  const path = join(source.dataDir, 'secret.key');
  if (!existsSync(path)) {
    mkdirSync(source.dataDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  return { key: decodeKey(readFileSync(path, 'utf8'), path), from: 'data' };
}

export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** null when the text was sealed under another key or was tampered with. */
export function unseal(key: Buffer, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
