import { safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '../session/private-files';
import type { KeyProtector } from '../session/seal-key';
import type { TokenVault } from '../session/token-vault';

/**
 * Electron keeps the order service's token encrypted by the OS keychain (safeStorage), so a copied
 * disk does not carry a usable sign-in. Where the OS offers no real encryption (none at all, or
 * Linux's basic_text), nothing is written: the token lives in memory only, the sign-in screen says
 * so, and the user signs in again after a restart.
 */
export class SafeStorageVault implements TokenVault {
  private readonly memory = new Map<string, string>();

  constructor(private readonly dir: string) {}

  private fileOf(username: string): string {
    return join(this.dir, `${encodeURIComponent(username.toLowerCase())}.token`);
  }

  save(username: string, token: string): void {
    if (!safeStorageWorks()) {
      this.memory.set(username.toLowerCase(), token);
      return;
    }
    privateDir(this.dir);
    writeFileSync(this.fileOf(username), safeStorage.encryptString(token), { mode: 0o600 });
  }

  load(username: string): string | null {
    const kept = this.memory.get(username.toLowerCase());
    if (kept) return kept;
    const file = this.fileOf(username);
    if (!existsSync(file) || !safeStorageWorks()) return null;
    try {
      return safeStorage.decryptString(readFileSync(file));
    } catch {
      return null;
    }
  }

  clear(username: string): void {
    this.memory.delete(username.toLowerCase());
    rmSync(this.fileOf(username), { force: true });
  }
}

/**
 * safeStorage protects nothing on Linux when it falls back to its `basic_text` backend (no keyring
 * reachable): the "encryption" key is hard-coded. There it is treated as absent.
 */
export function safeStorageWorks(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/** safeStorage as the seal keys' protector, or null where it protects nothing. */
/** Synchronous here, on main's thread; the backend's writer reaches it through a host call. */
type SyncKeyProtector = { [K in keyof KeyProtector]: (bytes: Buffer) => Buffer };

export function safeStorageProtector(): SyncKeyProtector | null {
  if (!safeStorageWorks()) return null;
  return {
    protect: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
