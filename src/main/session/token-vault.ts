/**
 * Where the order service's token is kept between runs. Electron encrypts it with the OS keychain
 * (safeStorage, see shell/safe-storage-vault.ts); browser mode keeps it in memory only, so a
 * browser-mode restart asks for the password again. The vault lives on main's thread (safeStorage
 * is Electron's), so the backend's writer thread reaches it asynchronously.
 */
export interface TokenVault {
  save(username: string, token: string): void | Promise<void>;
  load(username: string): string | null | Promise<string | null>;
  clear(username: string): void | Promise<void>;
}

export class MemoryVault implements TokenVault {
  private readonly tokens = new Map<string, string>();
  save(username: string, token: string): void {
    this.tokens.set(username, token);
  }
  load(username: string): string | null {
    return this.tokens.get(username) ?? null;
  }
  clear(username: string): void {
    this.tokens.delete(username);
  }
}
