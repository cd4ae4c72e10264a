import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { Db } from '../../../src/main/db/connection';
import { removeOrders, upsertOrders } from '../../../src/main/db/ingest';
import { getOrderDetail } from '../../../src/main/db/orders-query';
import { storeWith } from '../../fixtures/db';
import { aLine, anOrder, demoOrders, shipped } from '../../fixtures/orders';
import { ADMIN } from '../../fixtures/scopes';

const TABLES = [
  'parent_orders',
  'orders',
  'order_details',
  'order_lines',
  'waybills',
  'after_sales',
  'after_sale_lines',
  'redemption_codes',
  'orders_fts',
];

const rowCounts = (db: Db) =>
  Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
const idOf = (db: Db, orderNo: string) =>
  (db.prepare('SELECT id FROM orders WHERE order_no = ?').get(orderNo) as { id: number }).id;
const detail = (db: Db, orderNo: string) => {
  const found = getOrderDetail(db, ADMIN, orderNo);
  if (!found) return null;
  const { pendingSync: _pending, ...record } = found;
  return record;
};
/** The search index is sound (FTS5's own check) and holds exactly one entry per order. */
function searchIndexIsConsistent(db: Db): void {
  db.exec("INSERT INTO orders_fts (orders_fts) VALUES ('integrity-check')");
  const orderNos = db.prepare('SELECT order_no AS orderNo FROM orders').all() as Array<{ orderNo: string }>;
  const found = db.prepare('SELECT count(*) AS n FROM orders_fts WHERE orders_fts MATCH ?');
  for (const { orderNo } of orderNos) expect(found.get(`order_no:"${orderNo}"`)).toEqual({ n: 1 });
}

describe('upsertOrders', () => {
  it('stores a pulled order so that it reads back exactly as it was sent', () => {
    const order = shipped(anOrder({ remark: '周末送货' }));
    const db = storeWith([order]);
    expect(detail(db, order.orderNo)).toEqual(order);
  });

  it('applies the same sync page twice without duplicating anything', () => {
    const page = demoOrders(300);
    const db = storeWith(page);
    const once = rowCounts(db);
    upsertOrders(db, page);
    expect(rowCounts(db)).toEqual(once);
    expect(once.orders).toBe(300);
    searchIndexIsConsistent(db);
  });

  it("replaces an order's lines, parcels and history instead of adding to them", () => {
    const order = anOrder({
      lines: [aLine(), aLine({ lineNo: 2, sku: 'JJ00301', name: '316不锈钢保温杯', quantity: 1, payable: 8900 })],
    });
    const db = storeWith([shipped(order)]);
    const fewer: OrderRecord = {
      ...order,
      lines: [aLine()],
      status: 'CLOSED',
      refundStatus: 'REFUNDED',
      paymentStatus: 'REFUNDED',
    };
    upsertOrders(db, [fewer]);
    expect(detail(db, order.orderNo)).toEqual(fewer);
    expect(rowCounts(db)).toMatchObject({ orders: 1, order_details: 1, order_lines: 1, waybills: 0 });
    searchIndexIsConsistent(db);
  });

  it('writes nothing when a known order comes again unchanged', () => {
    const page = demoOrders(50);
    const db = storeWith(page);
    const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = changes();
    upsertOrders(db, page);
    expect(changes()).toBe(before);
  });

  it('rewrites only what moved when a known order changes: its parcels keep their rows', () => {
    const order = shipped(anOrder());
    const db = storeWith([order]);
    const parcels = () => db.prepare('SELECT id, tracking_no FROM waybills').all();
    const before = parcels();
    const completed: OrderRecord = {
      ...order,
      status: 'COMPLETED',
      completedAt: order.updatedAt + 60_000,
      updatedAt: order.updatedAt + 60_000,
      timeline: [
        ...order.timeline,
        {
          at: order.updatedAt + 60_000,
          actor: 'buyer:U1',
          device: 'APP',
          action: 'CONFIRM_RECEIPT',
          detail: '买家确认收货',
        },
      ],
    };
    upsertOrders(db, [completed]);
    expect(detail(db, order.orderNo)).toEqual(completed);
    expect(parcels()).toEqual(before);
    searchIndexIsConsistent(db);
  });

  it("keeps an order's local id when it is updated, so an open list cursor stays valid", () => {
    const order = anOrder();
    const db = storeWith([order, anOrder()]);
    const before = idOf(db, order.orderNo);
    upsertOrders(db, [shipped(order)]);
    expect(idOf(db, order.orderNo)).toBe(before);
  });

  it('keeps the last version when one page carries the same order twice', () => {
    const order = anOrder();
    const later = shipped(order);
    const db = storeWith([order, later]);
    expect(detail(db, order.orderNo)).toEqual(later);
    expect(rowCounts(db).orders).toBe(1);
  });

  it('stores one parent per checkout, shared by its child orders', () => {
    const first = anOrder();
    const second = anOrder({ parentNo: first.parentNo, orderNo: `${first.parentNo}02`, warehouseId: 'WH-GZ' });
    const db = storeWith([first, second]);
    expect(rowCounts(db).parent_orders).toBe(1);
    expect(detail(db, second.orderNo)?.buyer).toEqual(first.buyer);
  });

  it('finds a changed tracking number, receiver or phone after an update, and not the old one', () => {
    const order = shipped(anOrder());
    const db = storeWith([order]);
    const changed = {
      ...order,
      receiver: order.receiver && { ...order.receiver, name: '李娜', phone: '13900002222' },
      waybills: order.waybills.map((w) => ({ ...w, trackingNo: 'YT7654321098765' })),
    };
    upsertOrders(db, [changed]);
    const search = (text: string) =>
      db.prepare('SELECT count(*) AS n FROM orders_fts WHERE orders_fts MATCH ?').get(`"${text}"`) as { n: number };
    expect(search('YT76543').n).toBe(1);
    expect(search('SF12345').n).toBe(0);
    expect(search('00002222').n).toBe(1);
    searchIndexIsConsistent(db);
  });

  it('keeps the redemptions made at this counter when the order is pulled again', () => {
    const db = storeWith([anOrder()]);
    const order = db.prepare('SELECT id, order_no AS orderNo FROM orders').get() as { id: number; orderNo: string };
    db.prepare(
      "INSERT INTO redemptions (order_id, code, store_id, clerk, device, redeemed_at) VALUES (?, '246810', 'ST-01', 'zhangli', 'POS-ST-01', 1)",
    ).run(order.id);
    upsertOrders(db, [anOrder({ orderNo: order.orderNo, parentNo: order.orderNo.slice(0, -2), status: 'COMPLETED' })]);
    expect(db.prepare('SELECT count(*) AS n FROM redemptions').get()).toEqual({ n: 1 });
  });

  it('applies a page completely or not at all', () => {
    const good = anOrder();
    const broken = { ...anOrder(), status: 'SHIPPED' } as unknown as OrderRecord; // what zod would have stopped
    const db = storeWith();
    expect(() => upsertOrders(db, [good, broken])).toThrow(/CHECK constraint failed/);
    expect(rowCounts(db).orders).toBe(0);
    expect(rowCounts(db).parent_orders).toBe(0);
  });

  it('does nothing for an empty page', () => {
    const db = storeWith();
    upsertOrders(db, []);
    expect(rowCounts(db).orders).toBe(0);
  });
});

describe('removeOrders', () => {
  it('forgets orders with everything that belongs to them, and the parent with its last child', () => {
    const first = shipped(anOrder());
    const sibling = anOrder({ parentNo: first.parentNo, orderNo: `${first.parentNo}02` });
    const other = anOrder();
    const db = storeWith([first, sibling, other]);

    expect(removeOrders(db, [first.orderNo, 'M0000000000000000001'])).toBe(1);
    expect(rowCounts(db)).toMatchObject({ orders: 2, order_details: 2, parent_orders: 2, waybills: 0 });

    removeOrders(db, [sibling.orderNo]);
    expect(rowCounts(db)).toMatchObject({ orders: 1, parent_orders: 1, orders_fts: 1 });
    expect(detail(db, other.orderNo)).toEqual(other);
    searchIndexIsConsistent(db);
  });
});
