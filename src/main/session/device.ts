import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from './private-files';

/**
 * A stable id for this installation: every outbox intent carries it, and the order service
 * tells devices apart by it. Kept beside the database, created once.
 */
export function loadOrCreateDeviceId(dataDir: string): string {
  const file = join(dataDir, 'device-id');
  if (existsSync(file)) {
    const id = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f-]{36}$/.test(id)) return id;
  }
  privateDir(dataDir);
  const id = randomUUID();
  writeFileSync(file, id, { mode: 0o600 });
  return id;
}
