import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * A desk's data is its user's alone: folders 0700 and files 0600, whatever the process umask (on
 * Linux and macOS 0022 would leave orders, phones and addresses readable by every account on the
 * machine). Windows ignores these modes; its profile folder is private already.
 */
export function privateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

/** Creates the file empty (0600) if missing, and makes it 0600 if it is not. */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/** Tightens the files that exist of `paths` (a database's -wal and -shm come and go). */
export function tightenExisting(...paths: string[]): void {
  for (const path of paths) if (existsSync(path)) chmodSync(path, 0o600);
}
