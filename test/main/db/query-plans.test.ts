import { describe, expect, it } from 'vitest';
import type { OrderListFilter, OrderListInput } from '../../../src/shared/contract/orders';
import { countByStatus } from '../../../src/main/db/query/counts';
import { listWindow } from '../../../src/main/db/query/window';
import type { DataScope } from '../../../src/shared/domain/vocabulary';
import type { Db } from '../../../src/main/db/connection';
import { page, storeWith } from '../../fixtures/db';
import { demoOrders } from '../../fixtures/orders';
import { ADMIN, clerkOf, dealerOf, deskOf } from '../../fixtures/scopes';

/**
 * Which index each list query walks. A page must seek into an index ordered like the list and
 * stop after `limit` rows; a plan that sorts (USE TEMP B-TREE) inside the page's id lookup would
 * read every matching order first, and cost grows with the store. These plans were chosen for a
 * million orders (see docs/performance.md, `npm run bench`); this test keeps them from drifting.
 */
function planOfPage(db: Db, scope: DataScope, input: OrderListInput): string {
  return planOf(db, () => page(db, scope, input));
}

function planOf(db: Db, run: () => void): string {
  const plans: string[] = [];
  const prepare = db.prepare.bind(db);
  const spy = (sql: string) => {
    const statement = prepare(sql);
    if (!sql.includes('FROM orders o')) return statement;
    const all = statement.all.bind(statement);
    return Object.assign(statement, {
      all: (...params: unknown[]) => {
        const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
        plans.push(rows.map((r) => r.detail).join(' | '));
        return all(...params);
      },
    });
  };
  Object.assign(db, { prepare: spy });
  try {
    run();
  } finally {
    Object.assign(db, { prepare });
  }
  return plans.join(' || ');
}

/** The part of the plan that picks the page's ids (before the rows are read in full). */
const idStep = (plan: string) => plan.split(' | SCAN page')[0] ?? plan;

describe('query plans of the order list', () => {
  const fresh = () => storeWith(demoOrders(400));

  it.each<[string, string, DataScope, OrderListInput]>([
    ['everything, newest first', 'orders_created', ADMIN, {}],
    ['everything by amount', 'orders_payable', ADMIN, { sort: { field: 'payable', direction: 'desc' } }],
    ['everything by payment time', 'orders_paid', ADMIN, { sort: { field: 'paidAt', direction: 'asc' } }],
    ['everything by shipping time', 'orders_shipped', ADMIN, { sort: { field: 'shippedAt', direction: 'desc' } }],
    ['a status tab, newest first', 'orders_status_created', ADMIN, { filter: { statuses: ['PENDING_RECEIPT'] } }],
    [
      'a status tab by payment time',
      'orders_paid',
      ADMIN,
      { filter: { statuses: ['PENDING_SHIPMENT'] }, sort: { field: 'paidAt', direction: 'desc' } },
    ],
    ['a warehouse desk, newest first', 'orders_created', deskOf('WH-SH'), {}],
    [
      'the desk queue, 待发货 oldest payment first,',
      'orders_warehouse_status_paid',
      deskOf('WH-SH'),
      { filter: { statuses: ['PENDING_SHIPMENT'] }, sort: { field: 'paidAt', direction: 'asc' } },
    ],
    ['the exception queue', 'orders_exception_created', ADMIN, { filter: { exception: true } }],
    ['a dealer', 'orders_dealer_created', dealerOf('DL-01'), {}],
    ['a clerk of one store', 'orders_store_created', clerkOf('ST-01'), {}],
  ])('%s walks %s without sorting', (_label, index, scope, input) => {
    const plan = idStep(planOfPage(fresh(), scope, input));
    expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it("reads a clerk's few service orders of several stores by index and sorts only those", () => {
    expect(idStep(planOfPage(fresh(), clerkOf('ST-01', 'ST-02'), {}))).toContain('USING INDEX orders_store_created');
  });

  it('counts pending intents of a row through the partial outbox index', () => {
    expect(planOfPage(fresh(), ADMIN, {})).toContain('USING INDEX outbox_pending_by_order');
  });

  it('reads the unpaid tail of a payment-time sort by index too', () => {
    // 400 orders on a page of 500: the page reads the paid ones, then the unpaid tail.
    const plans = planOfPage(fresh(), ADMIN, { sort: { field: 'paidAt', direction: 'asc' }, limit: 500 }).split(' || ');
    expect(plans).toHaveLength(2);
    expect(idStep(plans[1] ?? '')).toMatch(/USING (COVERING )?INDEX orders_paid \(paid_at=\?/);
    expect(idStep(plans[1] ?? '')).not.toContain('TEMP B-TREE');
  });

  it('looks few text matches up by id instead of walking the list', () => {
    const plan = idStep(planOfPage(fresh(), ADMIN, { filter: { text: '张伟' } }));
    expect(plan).toContain('USING INTEGER PRIMARY KEY');
  });

  it('counts a creation-time range from the status index alone, and any other filter without walking it', () => {
    const countPlan = (filter: OrderListFilter) => {
      const db = fresh();
      return planOf(db, () => countByStatus(db, ADMIN, filter));
    };
    expect(countPlan({ time: { field: 'createdAt', from: 0 } })).toContain('COVERING INDEX orders_status_created');
    expect(countPlan({ platforms: ['TMALL'], provinces: ['广东省'] })).not.toContain('orders_status_created');
    expect(countPlan({ time: { field: 'paidAt', from: 0 } })).not.toContain('orders_status_created');
  });

  it('finds a narrow result’s matches and sorts them, rather than walking the whole sort index', () => {
    const db = fresh();
    const filter: OrderListFilter = { platforms: ['TMALL'], provinces: ['广东省'] };
    const plan = planOf(db, () =>
      listWindow(db, ADMIN, { filter, sort: { field: 'payable', direction: 'desc' }, offset: 0, limit: 50 }),
    );
    expect(plan).toContain('USE TEMP B-TREE FOR ORDER BY');
    expect(plan).not.toContain('orders_payable');
  });
});
