import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceUser } from '../../shared/contract/service';
import { privateDir } from './private-files';

/**
 * What lets the last signed-in user keep working offline: after each online sign-in the device
 * keeps the user's profile and a scrypt verifier of the password (never the password). An offline
 * sign-in must present the same password. The same derivation yields a key that exists only in
 * memory while signed in, for data that must not be readable from a stolen disk.
 */
interface StoredAccount {
  user: ServiceUser;
  salt: string;
  verifier: string;
}

export interface UnlockedAccount {
  user: ServiceUser;
  /** 32 bytes derived from the password; never written to disk. */
  secretKey: Buffer;
}

const SCRYPT = { N: 16384, r: 8, p: 1 } as const;

function derive(password: string, salt: Buffer): { secretKey: Buffer; verifier: string } {
  const material = scryptSync(password, salt, 64, SCRYPT);
  return {
    secretKey: material.subarray(0, 32),
    verifier: createHash('sha256').update(material.subarray(32)).digest('hex'),
  };
}

const fileOf = (userDir: string) => join(userDir, 'account.json');

export function rememberAccount(userDir: string, user: ServiceUser, password: string): UnlockedAccount {
  const previous = readAccount(userDir);
  const salt = previous ? Buffer.from(previous.salt, 'hex') : randomBytes(16);
  const { secretKey, verifier } = derive(password, salt);
  privateDir(userDir);
  const stored: StoredAccount = { user, salt: salt.toString('hex'), verifier };
  const temp = `${fileOf(userDir)}.tmp`;
  writeFileSync(temp, JSON.stringify(stored), { mode: 0o600 });
  renameSync(temp, fileOf(userDir));
  return { user, secretKey };
}

/** 'unknown' when this device never saw the user online; 'wrong' when the password does not match. */
export function unlockOffline(userDir: string, password: string): UnlockedAccount | 'unknown' | 'wrong' {
  const stored = readAccount(userDir);
  if (!stored) return 'unknown';
  const { secretKey, verifier } = derive(password, Buffer.from(stored.salt, 'hex'));
  const matches = timingSafeEqual(Buffer.from(verifier, 'hex'), Buffer.from(stored.verifier, 'hex'));
  return matches ? { user: stored.user, secretKey } : 'wrong';
}

function readAccount(userDir: string): StoredAccount | null {
  if (!existsSync(fileOf(userDir))) return null;
  try {
    return JSON.parse(readFileSync(fileOf(userDir), 'utf8')) as StoredAccount;
  } catch {
    return null;
  }
}
