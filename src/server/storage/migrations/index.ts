import type Database from 'better-sqlite3';
import { migration001Sequence } from './001_sequence';
import { migration002Auth } from './002_auth';
import { migration003Places } from './003_places';
import { migration004Catalogue } from './004_catalogue';
import { migration005Orders } from './005_orders';
import { migration006Redemption } from './006_redemption';
import { migration007Intents } from './007_intents';
import { migration008Refunds } from './008_refunds';
import { migration009PromotionSeq } from './009_promotion_seq';
import { migration010WaybillNumbers } from './010_waybill_numbers';
import { migration011UserAdmin } from './011_user_admin';
import { migration012Counters } from './012_counters';
import { migration013ScanVerify } from './013_scan_verify';
import { migration014WaybillPool } from './014_waybill_pool';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration001Sequence,
  migration002Auth,
  migration003Places,
  migration004Catalogue,
  migration005Orders,
  migration006Redemption,
  migration007Intents,
  migration008Refunds,
  migration009PromotionSeq,
  migration010WaybillNumbers,
  migration011UserAdmin,
  migration012Counters,
  migration013ScanVerify,
  migration014WaybillPool,
];

export const LATEST_VERSION = MIGRATIONS.length;

/** A table rather than PRAGMA user_version, so the PostgreSQL store can keep the same bookkeeping. */
function ensureBookkeeping(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
}

export function schemaVersion(db: Database.Database): number {
  ensureBookkeeping(db);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies pending migrations in order, each in its own transaction with its bookkeeping row, so a
 * crash between two leaves a consistent, resumable version. `to` stops early: each migration's
 * test looks at the schema right after its own step.
 */
export function migrate(db: Database.Database, { to = LATEST_VERSION }: { to?: number } = {}): number {
  MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  // A database written by a newer build: refusing beats guessing at a schema we do not know.
  if (current > LATEST_VERSION) {
    throw new Error(`database schema version ${current} is newer than this service (${LATEST_VERSION})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > to) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, Date.now());
    })();
  }
  return schemaVersion(db);
}
