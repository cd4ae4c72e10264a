/**
 * Loaded on a test desk's writer thread (DeskBackendOptions.syncPhaseHook): prints a marker for
 * each step of a sync round and freezes the thread at the step the test holds (see desk-process.ts).
 * Counts and the hold live in memory shared with the desk process's main thread.
 */
import { writeSync } from 'node:fs';
import type { SyncPhase } from '../../src/main/sync/engine';

export const PHASES: readonly SyncPhase[] = ['push-sent', 'push-answered', 'page-applied'];
/** Int32 cells: how often each phase was seen, then the held phase's index (-1: none) and its count. */
export const HOLD_PHASE = PHASES.length;
export const HOLD_AT = PHASES.length + 1;
export const phaseCells = (): SharedArrayBuffer => {
  const memory = new SharedArrayBuffer(4 * (PHASES.length + 2));
  Atomics.store(new Int32Array(memory), HOLD_PHASE, -1);
  return memory;
};

export function onSyncPhase(phase: SyncPhase, memory: unknown): void {
  const cells = new Int32Array(memory as SharedArrayBuffer);
  const index = PHASES.indexOf(phase);
  const n = Atomics.add(cells, index, 1) + 1;
  const held = Atomics.load(cells, HOLD_PHASE) === index && Atomics.load(cells, HOLD_AT) === n;
  // Synchronous, so a marker is out before the thread freezes or the process dies.
  writeSync(1, `${JSON.stringify({ marker: phase, n, ...(held ? { held: true } : {}) })}\n`);
  // Freeze right here: no await, no timer, no socket write runs again on this thread. A test that
  // died without killing the process does not leave it behind for long.
  if (held) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    process.kill(process.pid, 'SIGKILL');
  }
}
