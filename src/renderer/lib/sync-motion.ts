import type { SyncStatus } from '../../shared/contract/api';

/**
 * Whether the sync bar holds still while the desk syncs. A first sync (a desk that never synced)
 * runs for minutes and its progress bar shows it moving: a pulsing dot and a spinning icon beside
 * it would have the window laid out and painted every frame all that time, taking a core from the
 * sync on a two-core desk (docs/performance.md). A usual round is over in moments and spins.
 */
export const syncBarStill = (sync: SyncStatus): boolean => sync.firstSync !== null || sync.lastSyncAt === null;
