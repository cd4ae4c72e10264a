import type Database from 'better-sqlite3';
import { migration001Orders } from './001_orders';
import { migration002Logistics } from './002_logistics';
import { migration003AfterSales } from './003_after_sales';
import { migration004Redemption } from './004_redemption';
import { migration005Search } from './005_search';
import { migration006ListIndexes } from './006_list_indexes';
import { migration007Sync } from './007_sync';
import { migration008StatusCounts } from './008_status_counts';
import { migration009SyncBase } from './009_sync_base';
import { migration010Catalogue } from './010_catalogue';
import { migration011DealerDrafts } from './011_dealer_drafts';
import { migration012SavedViews } from './012_saved_views';
import { migration013PromotionTerms } from './013_promotion_terms';
import { migration014Floor } from './014_floor';
import { migration015LabelBlock } from './015_label_block';
import { migration016OrderDetails } from './016_order_details';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration001Orders,
  migration002Logistics,
  migration003AfterSales,
  migration004Redemption,
  migration005Search,
  migration006ListIndexes,
  migration007Sync,
  migration008StatusCounts,
  migration009SyncBase,
  migration010Catalogue,
  migration011DealerDrafts,
  migration012SavedViews,
  migration013PromotionTerms,
  migration014Floor,
  migration015LabelBlock,
  migration016OrderDetails,
];

export const LATEST_VERSION = MIGRATIONS.length;

export const schemaVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Applies the pending migrations in order, each in its own transaction together with the bump of
 * PRAGMA user_version, so a crash between two migrations leaves a consistent, resumable version.
 * `to` stops early: migration tests look at the schema right after their own step.
 */
export function migrate(db: Database.Database, { to = LATEST_VERSION }: { to?: number } = {}): number {
  MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  // A database written by a newer build: refusing beats guessing at a schema we do not know.
  if (current > LATEST_VERSION) {
    throw new Error(`database schema version ${current} is newer than this app (${LATEST_VERSION})`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > to) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
