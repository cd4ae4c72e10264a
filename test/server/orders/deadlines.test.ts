import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { nextDeadline } from '../../../src/shared/domain/deadlines';
import { startTestService, TEST_START, type Session, type TestService } from '../../support/service';

/** The service's own order list sorts by the next deadline and keeps the orders due soon, like the desk. */
describe('orders by deadline on the service', () => {
  let service: TestService;
  let admin: Session;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 300 });
    admin = await service.login('admin');
  });
  afterAll(() => service.close());

  it('lists the orders due within a day, soonest first, each with the deadline the shared rule gives it', async () => {
    const dueBefore = TEST_START + 24 * 3_600_000;
    const answer = await admin.get<{ orders: OrderRecord[] }>(
      `/v1/orders?dueBefore=${dueBefore}&sort=dueAt:asc&limit=500`,
    );
    expect(answer.status).toBe(200);
    const due = answer.body.orders.map((o) => nextDeadline({ ...o, receiptExtended: false })?.at ?? null);
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((at) => at !== null && at <= dueBefore)).toBe(true);
    expect(due).toEqual([...due].sort((a, b) => a! - b!));
  });
});
