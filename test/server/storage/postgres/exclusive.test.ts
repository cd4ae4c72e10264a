import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/server/storage/open';
import type { Store } from '../../../../src/server/storage/repositories';
import { createTestDatabase, type TestDatabase } from '../../../support/postgres';

describe('jobs that run on one node at a time (PostgreSQL advisory locks)', () => {
  let database: TestDatabase;
  let nodeA: Store;
  let nodeB: Store;

  beforeAll(async () => {
    database = await createTestDatabase();
    nodeA = await openStore({ database: database.url, poolSize: 3 });
    nodeB = await openStore({ database: database.url, poolSize: 3 });
  });
  afterAll(async () => {
    await nodeA.close();
    await nodeB.close();
    await database.drop();
  });

  it('lets one node run a named job while the other is turned away, and the other after it ends', async () => {
    let finish!: () => void;
    const holding = new Promise<void>((resolve) => (finish = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = nodeA.exclusive('timer-sweep', async () => {
      started();
      await holding;
      return 'swept by A';
    });
    await running;
    expect(await nodeB.exclusive('timer-sweep', async () => 'swept by B')).toBeNull();
    expect(await nodeA.exclusive('timer-sweep', async () => 'again by A')).toBeNull();
    expect(await nodeB.exclusive('another-job', async () => 'other job')).toBe('other job');
    finish();
    expect(await first).toBe('swept by A');
    expect(await nodeB.exclusive('timer-sweep', async () => 'swept by B')).toBe('swept by B');
  });

  it('frees the job when the work throws', async () => {
    await expect(
      nodeA.exclusive('timer-sweep', async () => {
        throw new Error('sweep failed');
      }),
    ).rejects.toThrow('sweep failed');
    expect(await nodeB.exclusive('timer-sweep', async () => 'swept')).toBe('swept');
  });
});
