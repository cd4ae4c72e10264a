/**
 * Loaded on a test desk's writer thread (DeskBackendOptions.syncPhaseHook): while the test holds
 * it (cell 0 is 1), the thread stops dead after a pulled page is applied, as if a long transaction
 * were running; cell 1 says it got there. The test lets go by setting cell 0 back to 0.
 */
import type { SyncPhase } from '../../src/main/sync/engine';

export const HOLDING = 0;
export const HELD = 1;

export function onSyncPhase(phase: SyncPhase, memory: unknown): void {
  if (phase !== 'page-applied') return;
  const cells = new Int32Array(memory as SharedArrayBuffer);
  if (Atomics.load(cells, HOLDING) !== 1) return;
  Atomics.store(cells, HELD, 1);
  while (Atomics.load(cells, HOLDING) === 1) Atomics.wait(cells, HOLDING, 1, 10_000);
}
