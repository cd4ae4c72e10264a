import { expect } from 'vitest';
import type { OrderRecord } from '../../src/shared/contract/records';
import type { DataScope } from '../../src/shared/domain/vocabulary';
import { getOrderDetail } from '../../src/main/db/orders-query';
import type { TestDesk } from './desk';
import type { TestService } from './service';

const EVERYTHING: DataScope = { all: true, warehouseIds: [], storeIds: [], dealerIds: [] };

/** Every order as the desk's local store holds it. */
export function localOrders(desk: TestDesk): Map<string, OrderRecord> {
  const db = desk.db();
  const numbers = db.prepare('SELECT order_no FROM orders ORDER BY order_no').pluck().all() as string[];
  return new Map(
    numbers.map((orderNo) => {
      const { pendingSync: _pending, ...record } = getOrderDetail(db, EVERYTHING, orderNo)!;
      return [orderNo, record as OrderRecord];
    }),
  );
}

/** Every order the service holds in the user's scope, from a fresh full pull. */
export async function serviceOrders(service: TestService, username: string): Promise<Map<string, OrderRecord>> {
  const session = await service.login(username);
  const { changes } = await session.pullAll('', 1000);
  const orders = new Map<string, OrderRecord>();
  for (const change of changes) {
    if (change.type === 'order') orders.set(change.order.orderNo, change.order as OrderRecord);
    if (change.type === 'order_removed') orders.delete(change.orderNo);
  }
  return orders;
}

/** Nothing lost, nothing duplicated: every intent answered, and the desk holds exactly what the service holds. */
export async function expectConverged(desk: TestDesk, service: TestService, username: string): Promise<void> {
  const db = desk.db();
  expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')").pluck().get()).toBe(0);
  const local = localOrders(desk);
  const remote = await serviceOrders(service, username);
  expect([...local.keys()]).toEqual([...remote.keys()].sort());
  for (const [orderNo, record] of remote)
    expect(withoutCode(local.get(orderNo)!), orderNo).toEqual(withoutCode(record));
  // The desk holds no code, and each verifier only sealed (see src/main/redemption/code-seal.ts).
  for (const record of local.values())
    if (record.redemptionCode?.verifier) expect(record.redemptionCode.verifier).toMatch(/\$sealed:/);
}

const withoutCode = (record: OrderRecord): OrderRecord =>
  record.redemptionCode ? { ...record, redemptionCode: { ...record.redemptionCode, verifier: '' } } : record;

/** The service's own record of every intent it answered: id → applied | rejected. */
export async function serviceIntentOutcomes(service: TestService): Promise<Map<string, string>> {
  const rows = await service.query<{ id: string; status: string }>('SELECT id, status FROM intents');
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** Each desk intent the service applied, applied there exactly once; each rejection recorded as such. */
export async function expectEachIntentOnce(desks: TestDesk[], service: TestService): Promise<void> {
  const outcomes = await serviceIntentOutcomes(service);
  for (const desk of desks) {
    const rows = desk.db().prepare('SELECT id, state FROM outbox').all() as Array<{
      id: string;
      state: string;
    }>;
    for (const row of rows) {
      const expected = row.state === 'duplicate' ? 'applied' : row.state === 'dismissed' ? 'rejected' : row.state;
      expect(outcomes.get(row.id), `${row.id} (${row.state})`).toBe(expected);
    }
  }
}
