import type { Db } from '../db/connection';

export type SyncStateKey = 'cursor' | 'lastSyncAt' | 'deviceCode' | 'sealKeyId';

export function deleteSyncState(db: Db, key: SyncStateKey): void {
  db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
}

export function readSyncState(db: Db, key: SyncStateKey): string | null {
  const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSyncState(db: Db, key: SyncStateKey, value: string): void {
  db.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)').run(key, value);
}
