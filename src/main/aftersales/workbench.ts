import type { AfterSaleList, AfterSaleRow } from '../../shared/contract/aftersales';
import {
  AFTER_SALE_TAB_IDS,
  AFTER_SALE_TABS,
  afterSaleDeadline,
  type AfterSaleTab,
} from '../../shared/domain/after-sale-workbench';
import type { AfterSaleType, DataScope } from '../../shared/domain/vocabulary';
import type { Db } from '../db/connection';
import { and, type Clause } from '../db/query/clause';
import { PENDING_SYNC_SQL } from '../db/outbox';
import { scopeClause } from '../db/query/predicates';
import { placeholders } from '../db/sql';

export interface WorkbenchQuery {
  tab: AfterSaleTab;
  type: AfterSaleType | null;
  text: string;
  limit: number;
}

/** Everything but the tab: the type filter, a number typed into the search, the caller's scope. */
function filters(scope: DataScope, query: WorkbenchQuery): Clause {
  const text = query.text.toUpperCase();
  return and([
    query.type ? { sql: 'a.type = ?', params: [query.type] } : null,
    text ? { sql: '(a.after_sale_no LIKE ? OR o.order_no LIKE ?)', params: [`${text}%`, `${text}%`] } : null,
    scopeClause(scope),
  ]);
}

const statusIn = (tab: AfterSaleTab): Clause => ({
  sql: `a.status IN (${placeholders(AFTER_SALE_TABS[tab].length)})`,
  params: [...AFTER_SALE_TABS[tab]],
});

/**
 * The after-sales workbench from this desk's copy (it works offline): one tab's requests, the
 * longest-waiting first in the open tabs and the latest first in the ended ones, with every tab's
 * count under the same filters.
 */
export function listAfterSales(db: Db, scope: DataScope, query: WorkbenchQuery): AfterSaleList {
  const where = filters(scope, query);
  const open = AFTER_SALE_TABS[query.tab].some((s) => afterSaleDeadline(s, 0) !== null);
  const tab = statusIn(query.tab);
  const rows = db
    .prepare(
      `SELECT o.order_no AS orderNo, a.remote_id AS afterSaleId, a.after_sale_no AS afterSaleNo, a.type, a.status,
              a.reason, a.amount, a.created_at AS createdAt, a.updated_at AS updatedAt, o.status AS orderStatus,
              p.buyer_name AS buyerName, o.receiver_name AS receiverName, o.item_summary AS itemSummary,
              o.payable, o.warehouse_id AS warehouseId, ${PENDING_SYNC_SQL} AS pendingSync
       FROM after_sales a JOIN orders o ON o.id = a.order_id CROSS JOIN parent_orders p ON p.id = o.parent_id
       WHERE ${tab.sql} AND ${where.sql}
       ORDER BY a.updated_at ${open ? 'ASC' : 'DESC'}, a.id LIMIT ?`,
    )
    .all(...tab.params, ...where.params, query.limit) as Array<Omit<AfterSaleRow, 'deadlineAt'>>;
  const counted = db
    .prepare(
      `SELECT a.status, COUNT(*) AS n FROM after_sales a JOIN orders o ON o.id = a.order_id
       WHERE ${where.sql} GROUP BY a.status`,
    )
    .all(...where.params) as Array<{ status: string; n: number }>;
  const counts = Object.fromEntries(
    AFTER_SALE_TAB_IDS.map((id) => [
      id,
      counted.filter((c) => (AFTER_SALE_TABS[id] as readonly string[]).includes(c.status)).reduce((n, c) => n + c.n, 0),
    ]),
  ) as AfterSaleList['counts'];
  return { rows: rows.map((row) => ({ ...row, deadlineAt: afterSaleDeadline(row.status, row.updatedAt) })), counts };
}
