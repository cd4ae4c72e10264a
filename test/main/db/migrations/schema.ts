import Database from 'better-sqlite3';
import { migrate } from '../../../../src/main/db/migrations';

/** A fresh in-memory database migrated up to (and including) `version`. */
export function migratedTo(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { to: version });
  return db;
}

export const tablesOf = (db: Database.Database): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  ).map((r) => r.name);

export const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((r) => r.name);

export const indexesOf = (db: Database.Database, table: string): string[] =>
  (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
      .all(table) as Array<{
      name: string;
    }>
  ).map((r) => r.name);

/** The columns of an index, in order. */
export const indexColumns = (db: Database.Database, index: string): string[] =>
  (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index) as Array<{ name: string }>).map(
    (r) => r.name,
  );

/** Minimal valid rows, so each test only spells out what it is about. */
export function insertParent(db: Database.Database, id = 1): number {
  db.prepare(
    `INSERT INTO parent_orders (id, parent_no, buyer_id, buyer_account, buyer_level, buyer_name, created_at)
     VALUES (?, ?, 'U1', '13800000000', '普通会员', '张三', 0)`,
  ).run(id, `M25060100000000000${id}`);
  return id;
}

export function insertOrder(db: Database.Database, over: Record<string, string | number | null> = {}): number {
  const row: Record<string, string | number | null> = {
    id: 1,
    order_no: 'M2506010000000000101',
    parent_id: 1,
    kind: 'PHYSICAL',
    source: 'MALL',
    platform: 'APP',
    status: 'PENDING_SHIPMENT',
    payment_status: 'PAID',
    refund_status: 'NONE',
    locked: 0,
    merchant_id: 'MCH-0001',
    merchant_name: '官方自营',
    goods_total: 100,
    freight: 0,
    freight_insurance: 0,
    coupon_discount: 0,
    campaign_discount: 0,
    member_discount: 0,
    member_benefit: 0,
    points_deduction: 0,
    points_used: 0,
    coin_deduction: 0,
    payable: 100,
    paid: 100,
    created_at: 0,
    updated_at: 0,
    item_summary: 'T恤×1',
    item_count: 1,
    ...over,
  };
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO orders (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  return Number(row.id);
}
