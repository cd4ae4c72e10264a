import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from './private-files';

/**
 * The operating system's protection for a small secret: Electron's safeStorage (the Keychain, DPAPI,
 * libsecret/kwallet). Null where there is none worth the name (browser mode; Linux's basic_text).
 */
export interface KeyProtector {
  /** Async where the protection lives on another thread (the backend's writer asks main's). */
  protect(secret: Buffer): Buffer | Promise<Buffer>;
  unprotect(sealed: Buffer): Buffer | Promise<Buffer>;
}

interface StoredKey {
  v: 1;
  /** safeStorage: the OS protects it; password: encrypted under a key derived from the user's password. */
  by: 'safeStorage' | 'password';
  data: string;
}

export interface SealKey {
  key: Buffer;
  /** Short fingerprint: tells the store which key its sealed rows were made under. */
  id: string;
}

const fileOf = (userDir: string) => join(userDir, 'seal.key');

const fingerprint = (key: Buffer) => createHash('sha256').update('seal key id').update(key).digest('hex').slice(0, 16);

function wrapWithPassword(key: Buffer, passwordKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', passwordKey, iv);
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

function unwrapWithPassword(data: string, passwordKey: Buffer): Buffer {
  const [iv, body, tag] = data.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', passwordKey, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]);
}

async function read(userDir: string, passwordKey: Buffer, protector: KeyProtector | null): Promise<Buffer | null> {
  if (!existsSync(fileOf(userDir))) return null;
  try {
    const stored = JSON.parse(readFileSync(fileOf(userDir), 'utf8')) as StoredKey;
    if (stored.by === 'safeStorage') {
      return protector ? Buffer.from(await protector.unprotect(Buffer.from(stored.data, 'base64'))) : null;
    }
    return unwrapWithPassword(stored.data, passwordKey);
  } catch {
    return null;
  }
}

/**
 * This user's seal key on this device: 32 random bytes (never derived from the password alone),
 * kept by the OS's safeStorage where it has one, otherwise encrypted under the password-derived
 * key. A key that cannot be read back (the password changed in browser mode, the keychain was
 * reset) is replaced by a new one; its id changes, and the caller re-seals (seal-key id in sync_state).
 */
export async function loadSealKey(
  userDir: string,
  passwordKey: Buffer,
  protector: KeyProtector | null,
): Promise<SealKey> {
  const existing = await read(userDir, passwordKey, protector);
  if (existing?.length === 32) return { key: existing, id: fingerprint(existing) };
  const key = randomBytes(32);
  const stored: StoredKey = protector
    ? { v: 1, by: 'safeStorage', data: Buffer.from(await protector.protect(key)).toString('base64') }
    : { v: 1, by: 'password', data: wrapWithPassword(key, passwordKey) };
  privateDir(userDir);
  const temp = `${fileOf(userDir)}.tmp`;
  writeFileSync(temp, JSON.stringify(stored), { mode: 0o600 });
  renameSync(temp, fileOf(userDir));
  return { key, id: fingerprint(key) };
}
