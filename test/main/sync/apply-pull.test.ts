import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCodeSeal } from '../../../src/main/redemption/code-seal';
import { applyPullPage } from '../../../src/main/sync/apply-pull';
import { readSyncState } from '../../../src/main/sync/sync-state';
import { anOrder } from '../../fixtures/orders';
import { fileStore } from '../../fixtures/db';

const ctx = { actor: 'warehouse:warehouse1', device: 'DEV-0001', now: 0, seal: createCodeSeal(randomBytes(32)) };

describe('a pulled page on the desk', () => {
  it('commits with its cursor without waiting for the disk, and the next write is durable again', () => {
    const { db, cleanup } = fileStore();
    try {
      const order = anOrder();
      const touched = applyPullPage(
        db,
        { changes: [{ type: 'order', seq: 7, order }], cursor: '7', hasMore: false },
        ctx,
      );
      expect(touched).toEqual([order.orderNo]);
      expect(readSyncState(db, 'cursor')).toBe('7');
      // A pulled page can be pulled again; what the user does next must reach the disk (FULL).
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      cleanup();
    }
  });
});
