import { MIGRATIONS_TABLE, runMigrations } from '../../../node/sqlite/migrate';
import type { Db } from '../db';
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
import { migration015LimitHits } from './015_limit_hits';
import { migration016LoginAttempts } from './016_login_attempts';
import { migration017DeviceSync } from './017_device_sync';
import { migration018CodeVerifiers } from './018_code_verifiers';
import { migration019Shops } from './019_shops';
import { migration020Outbound } from './020_outbound';
import { migration021Audit } from './021_audit';
import { migration022ShopConnectors } from './022_shop_connectors';
import { migration023ReviewHold } from './023_review_hold';
import { migration024Reports } from './024_reports';
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
  migration015LimitHits,
  migration016LoginAttempts,
  migration017DeviceSync,
  migration018CodeVerifiers,
  migration019Shops,
  migration020Outbound,
  migration021Audit,
  migration022ShopConnectors,
  migration023ReviewHold,
  migration024Reports,
];

export const LATEST_VERSION = MIGRATIONS.length;

/** A table rather than PRAGMA user_version, so the PostgreSQL store can keep the same bookkeeping. */
export const schemaVersion = (db: Db): number => MIGRATIONS_TABLE.read(db);

/**
 * Applies pending migrations in order (src/node/sqlite/migrate.ts, the runner the desk uses too),
 * each recorded in schema_migrations. `to` stops early: each migration's test looks at the schema
 * right after its own step.
 */
export const migrate = (db: Db, { to = LATEST_VERSION }: { to?: number } = {}): number =>
  runMigrations(db, MIGRATIONS, MIGRATIONS_TABLE, { to, owner: 'this service' });
