import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/shared/contract/api';
import { syncBarStill } from '../../../src/renderer/lib/sync-motion';
import { syncStatus } from '../../fixtures/sync-status';

const syncing = (patch: Partial<SyncStatus>) => syncStatus({ syncing: true, ...patch });

describe('the sync bar’s motion', () => {
  it('spins through a usual round', () => {
    expect(syncBarStill(syncing({}))).toBe(false);
  });

  it('holds still through a first sync, from before it has counted what it pulls to its last page', () => {
    expect(syncBarStill(syncing({ lastSyncAt: null }))).toBe(true);
    expect(syncBarStill(syncing({ lastSyncAt: null, firstSync: { done: 25_000, total: 100_000, etaMs: 4_000 } }))).toBe(
      true,
    );
  });

  it('holds still whenever a first sync reports how far it is', () => {
    expect(syncBarStill(syncing({ firstSync: { done: 0, total: null, etaMs: null } }))).toBe(true);
  });
});
