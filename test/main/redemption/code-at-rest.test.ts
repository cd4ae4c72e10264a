import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboxOf } from '../../../src/main/db/outbox';
import type { TestDesk } from '../../support/desk';
import { useDeskWorld } from '../../support/world';
import { liveCodes, redeem } from './fixtures';

/** Every file under the desk's data folder, as bytes: database, its WAL, keys, accounts. */
function filesOf(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}
const holding = (desk: TestDesk, text: string) =>
  filesOf(desk.dir)
    .filter((f) => f.bytes.includes(Buffer.from(text)))
    .map((f) => f.path);

describe('a desk keeps no redemption code at rest', () => {
  const world = useDeskWorld({ demoOrders: 1500 });

  it('holds a code it redeemed offline nowhere on disk, queued or answered, and only the service learns it', async () => {
    const desk = await world.desk('clerk1');
    const orders = await liveCodes(world.service);
    // A code whose digits appear nowhere on the desk before it is typed (order numbers and phones
    // are digits too), so finding it afterwards could only mean the desk wrote it down.
    const codes = await Promise.all(orders.map((o) => world.service.codeOf(o)));
    const unseen = codes.findIndex((c) => holding(desk, c).length === 0);
    expect(unseen).toBeGreaterThanOrEqual(0);
    const [order, code] = [orders[unseen], codes[unseen]!];

    await world.proxy.refuse();
    expect(await redeem(desk, code)).toMatchObject({ outcome: 'provisional', orderNo: order!.orderNo });
    expect(holding(desk, code)).toEqual([]);
    const queued = desk.db().prepare("SELECT payload FROM outbox WHERE type = 'REDEEM'").pluck().get();
    expect(JSON.parse(queued as string).code).toMatch(/^enc1:/);

    await world.proxy.restore();
    expect(await desk.sync()).toMatchObject({ queued: 0, exceptions: 0 });
    const [redemption] = await world.service.query<{ state: string }>(
      'SELECT state FROM redemptions WHERE order_no = ?',
      order!.orderNo,
    );
    expect(redemption).toEqual({ state: 'applied' });
    expect(holding(desk, code)).toEqual([]);
    // Once answered, even the sealed code is gone from the outbox.
    const answered = desk.db().prepare("SELECT payload FROM outbox WHERE type = 'REDEEM'").pluck().get();
    expect(JSON.parse(answered as string).code).toBe('');
  });

  it('deletes answered intents after 30 days, keeping rejected ones and the newest row', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE outbox (id TEXT, seq INTEGER, state TEXT, answered_at INTEGER)`);
    const day = 86_400_000;
    const now = 100 * day;
    const add = db.prepare('INSERT INTO outbox VALUES (?, ?, ?, ?)');
    add.run('old-applied', 1, 'applied', now - 31 * day);
    add.run('old-dismissed', 2, 'dismissed', now - 40 * day);
    add.run('old-rejected', 3, 'rejected', now - 40 * day);
    add.run('recent', 4, 'applied', now - 2 * day);
    add.run('queued', 5, 'queued', null);
    add.run('newest-old', 6, 'duplicate', now - 50 * day);
    expect(outboxOf(db as never).pruneAnswered(now)).toBe(2);
    expect(db.prepare('SELECT id FROM outbox ORDER BY seq').pluck().all()).toEqual([
      'old-rejected',
      'recent',
      'queued',
      'newest-old',
    ]);
  });
});
