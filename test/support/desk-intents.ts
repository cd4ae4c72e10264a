import { expect } from 'vitest';
import type { OrderDetail } from '../../src/shared/contract/orders';
import type { IntentType } from '../../src/shared/contract/sync';
import type { DataScope } from '../../src/shared/domain/vocabulary';
import { getOrderDetail } from '../../src/main/db/orders-query';
import type { TestDesk } from './desk';
import type { TestService } from './service';

const EVERYTHING: DataScope = { all: true, warehouseIds: [], storeIds: [], dealerIds: [] };

interface OutboxEntry {
  id: string;
  type: string;
  orderNo: string | null;
  state: string;
}

/** What the desk holds of an order (null: not in its copy) and every intent it has ever queued. */
function traceOf(desk: TestDesk, orderNo: string): { order: OrderDetail | null; outbox: OutboxEntry[] } {
  const db = desk.db();
  return {
    order: getOrderDetail(db, EVERYTHING, orderNo) ?? null,
    outbox: db.prepare('SELECT id, type, order_no AS orderNo, state FROM outbox ORDER BY seq').all() as OutboxEntry[],
  };
}

/**
 * Runs an action a desk must refuse (or decide against) and answers its answer, having checked that
 * nothing changed: the order as the desk held it, and no intent queued for the service.
 */
export async function unchanged<T>(desk: TestDesk, orderNo: string, action: () => Promise<T>): Promise<T> {
  const before = traceOf(desk, orderNo);
  const answer = await action();
  expect(traceOf(desk, orderNo), `${orderNo} changed on ${JSON.stringify(answer)}`).toEqual(before);
  return answer;
}

/**
 * Runs an action the desk must take and answers its answer and the one intent it queued: exactly
 * one new outbox row, of the expected type, for that order, waiting to be sent.
 */
export async function queuedOnce<T>(
  desk: TestDesk,
  orderNo: string,
  type: IntentType,
  action: () => Promise<{ ok: boolean; value?: unknown; error?: unknown }>,
): Promise<{ value: T; intentId: string }> {
  const before = new Set(traceOf(desk, orderNo).outbox.map((row) => row.id));
  const answer = await action();
  if (!answer.ok) throw new Error(`${type} on ${orderNo} refused: ${JSON.stringify(answer.error)}`);
  const added = traceOf(desk, orderNo).outbox.filter((row) => !before.has(row.id));
  expect(added).toEqual([{ id: expect.any(String), type, orderNo, state: 'queued' }]);
  return { value: answer.value as T, intentId: added[0]!.id };
}

/** After a sync: the desk's intent was answered as applied, and the service applied it once. */
export async function appliedOnce(desk: TestDesk, service: TestService, intentId: string): Promise<void> {
  expect(desk.db().prepare('SELECT state FROM outbox WHERE id = ?').pluck().get(intentId)).toBe('applied');
  const rows = await service.query<{ status: string }>('SELECT status FROM intents WHERE id = ?', intentId);
  expect(rows.map((r) => r.status)).toEqual(['applied']);
}
