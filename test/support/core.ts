import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDemoUser } from '../../src/shared/demo/users';
import { createCore, type Core } from '../../src/main/core';
import { loadDemoOrders } from '../../src/main/db/demo';
import { sessionForDemoUser, type Session } from '../../src/main/session/session';

export const FIXED_NOW = Date.UTC(2026, 10, 22, 2, 0, 0);

export interface TestDesk {
  core: Core;
  dir: string;
  /** Switches who is calling, as a sign-in would. */
  signInAs(username: string): void;
  orderCount(): number;
  dispose(): void;
}

/** A real core on a real SQLite file in a temp folder, with demo orders, signed in as `username`. */
export function openTestDesk({ orders = 300, username = 'admin' } = {}): TestDesk {
  const dir = mkdtempSync(join(tmpdir(), 'order-desk-'));
  const sessionFor = (name: string): Session => {
    const user = findDemoUser(name);
    if (!user) throw new Error(`no demo user ${name}`);
    return sessionForDemoUser(user, '00000000-0000-4000-8000-000000000001');
  };
  let session = sessionFor(username);
  const core = createCore({ dbFile: join(dir, 'orders.sqlite'), session: () => session, now: () => FIXED_NOW });
  if (orders > 0) loadDemoOrders(core.db, { count: orders, seed: 7, now: FIXED_NOW });
  return {
    core,
    dir,
    signInAs(name) {
      session = sessionFor(name);
    },
    orderCount: () => (core.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n,
    dispose() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
