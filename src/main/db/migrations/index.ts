import { runMigrations, USER_VERSION } from '../../../node/sqlite/migrate';
import type { Db } from '../connection';
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
import { migration016ExternalOrders } from './016_external_orders';
import { migration017ShippingPlan } from './017_shipping_plan';
import { migration018LogisticsWatch } from './018_logistics_watch';
import { migration019OrderDetails } from './019_order_details';
import { migration020Review } from './020_review';
import { migration021ReportCache } from './021_report_cache';
import { migration022Deadlines } from './022_deadlines';
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
  migration016ExternalOrders,
  migration017ShippingPlan,
  migration018LogisticsWatch,
  migration019OrderDetails,
  migration020Review,
  migration021ReportCache,
  migration022Deadlines,
];

export const LATEST_VERSION = MIGRATIONS.length;

export const schemaVersion = (db: Db): number => USER_VERSION.read(db);

/**
 * Applies the pending migrations in order (src/node/sqlite/migrate.ts), the version kept in PRAGMA
 * user_version. `to` stops early: migration tests look at the schema right after their own step.
 */
export const migrate = (db: Db, { to = LATEST_VERSION }: { to?: number } = {}): number =>
  runMigrations(db, MIGRATIONS, USER_VERSION, { to, owner: 'this app' });
