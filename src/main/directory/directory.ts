import { directory, EMPTY_DIRECTORY, type Directory } from '../../shared/contract/directory';
import type { Db } from '../db/connection';
import type { Handlers } from '../ipc/dispatcher';
import type { ServiceClient } from '../sync/service-client';
import { readSyncState, writeSyncState } from '../sync/sync-state';

const KEY = 'directory';

/** Fetches the names once the user is signed in online and keeps them for offline sessions. */
export async function refreshDirectory(client: ServiceClient, db: Db): Promise<void> {
  const answer = await client.directory();
  if (answer.ok && db.open) writeSyncState(db, KEY, JSON.stringify(answer.value));
}

export function keptDirectory(db: Db): Directory {
  const text = readSyncState(db, KEY);
  const parsed = text === null ? null : directory.safeParse(JSON.parse(text));
  return parsed?.success ? parsed.data : EMPTY_DIRECTORY;
}

export const directoryHandlers = (): Pick<Handlers, 'directory.names'> => ({
  'directory.names': ({ db }) => keptDirectory(db),
});
