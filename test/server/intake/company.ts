import { readFileSync } from 'node:fs';
import type { IntakeOrder } from '../../../src/shared/contract/intake';
import { companyFile } from '../../../src/server/setup/company-file';
import { loadCompany } from '../../../src/server/setup/load';
import { openStore } from '../../../src/server/storage/open';
import { addUser, resetPassword } from '../../../src/server/users/manage';
import { startTestService, TEST_START, type TestService, type TestServiceOptions } from '../../support/service';
import { ManualClock } from '../../../src/server/index';

export const COMPANY = JSON.parse(readFileSync('docs/examples/company.json', 'utf8'));
export const EXAMPLE_BATCH = JSON.parse(readFileSync('docs/examples/intake-orders.json', 'utf8')) as {
  orders: IntakeOrder[];
};
export const PASSWORD = 'company-pass-1';

/** The users a company makes before its first order: an admin, and ERP accounts for one shop and for all. */
const USERS = [
  { username: 'boss', role: 'admin' as const },
  { username: 'erp', role: 'integration' as const, shopIds: ['TM-HEMU'] },
  { username: 'erp-jd', role: 'integration' as const, shopIds: ['JD-HEMU'] },
];

/**
 * The example company (docs/examples/company.json) on a service started without demo mode: set up
 * as a company would (setup, users add), with a webhook receiver's URL when a test gives one.
 */
export async function startCompany(
  options: TestServiceOptions & { webhookUrl?: string; edit?: (company: typeof COMPANY) => void } = {},
): Promise<TestService> {
  const { webhookUrl, edit, ...serviceOptions } = options;
  return startTestService({
    demo: false,
    ...serviceOptions,
    async before(location) {
      const company = structuredClone(COMPANY);
      if (webhookUrl) company.shops[0].webhookUrl = webhookUrl;
      company.shops[0].webhookSecret = 'hemu-erp-webhook-secret-2025';
      edit?.(company);
      const store = await openStore(location);
      const admin = { store, clock: new ManualClock(TEST_START), actor: 'cli' };
      try {
        await loadCompany(store, admin.clock, companyFile.parse(company));
        for (const user of USERS) await addUser(admin, { ...user, password: PASSWORD });
        // The desks the company file set up get their passwords as an admin would give them.
        for (const username of ['wh-hz', 'wh-gz', 'cs-lead']) await resetPassword(admin, username, PASSWORD);
      } finally {
        await store.close();
      }
    },
  });
}

/** A fresh copy of one of the example orders, with another number (and whatever else a story needs). */
export function exampleOrder(index: number, over: Partial<IntakeOrder> = {}): IntakeOrder {
  return { ...structuredClone(EXAMPLE_BATCH.orders[index]!), ...over };
}
