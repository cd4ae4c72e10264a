/**
 * 8. Database size on disk, per million orders: the desk's store after its first sync (WAL
 * checkpointed into the main file), and the order service's. The split by table and index
 * (dbstat) goes to the log: it is what explains the figure.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/connection';
import { log, type Bench } from './context';

const MB = 2 ** 20;

function bytesOf(file: string): number {
  return ['', '-wal', '-shm'].reduce(
    (sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0),
    0,
  );
}

export async function size(bench: Bench): Promise<void> {
  await bench.desk();
  const db = openDatabase(bench.deskFile);
  let orders: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    orders = db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    try {
      const parts = db
        .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12')
        .all() as Array<{ name: string; bytes: number }>;
      log(
        `size: largest parts of the desk store: ${parts.map((p) => `${p.name} ${(p.bytes / MB).toFixed(0)} MB`).join(', ')}`,
      );
    } catch {
      log('size: this SQLite has no dbstat table; no split by table');
    }
  } finally {
    db.close();
  }
  const desk = bytesOf(bench.deskFile);
  const serviceFile = join(bench.serviceDir, 'orders.sqlite');
  const service = bytesOf(serviceFile);
  const serviceDb = new Database(serviceFile, { readonly: true });
  // The service holds a few thousand more than seeded: the vouchers and redemptions of earlier runs.
  const serviceOrders = serviceDb.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  serviceDb.close();
  log(`size: desk store ${(desk / MB).toFixed(0)} MB for ${orders} orders; service ${(service / MB).toFixed(0)} MB`);
  bench.add(
    {
      name: 'size · desk store on disk per 1M orders',
      value: (desk / MB) * (1_000_000 / orders),
      unit: 'MB',
      target: null,
      better: 'lower',
    },
    {
      name: 'size · order service database per 1M orders',
      value: (service / MB) * (1_000_000 / serviceOrders),
      unit: 'MB',
      target: null,
      better: 'lower',
    },
  );
}
