import type { SyncStatus } from '../../shared/contract/api';
import { fill } from '../i18n/fill';
import type { Messages } from '../i18n/zh-CN';

/** What the sync bar says about the queue and the last failure, in the user's words, never a raw code. */
export function syncWords(
  status: SyncStatus,
  m: Pick<Messages, 'sync'>,
): { queue: string | null; failure: string | null } {
  const queue =
    status.queued > 0
      ? fill(m.sync.queued, { n: status.queued })
      : !status.online
        ? // Offline, "all synced" would claim to know what the service holds now.
          m.sync.nothingQueued
        : status.lastSyncAt
          ? m.sync.allSynced
          : null;
  const error = status.lastError;
  // 离线 already says the service is out of reach; other failures are named by their code.
  const failure =
    status.needsSignIn || status.syncing || !error || error.code === 'OFFLINE'
      ? null
      : fill(m.sync.failed, { message: (m.sync.errors as Record<string, string>)[error.code] ?? m.sync.errors.OTHER });
  return { queue, failure };
}
