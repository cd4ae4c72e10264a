import type { RedemptionOutcome } from '../../../src/shared/contract/api';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { serviceOrders } from '../../support/convergence';
import type { TestDesk } from '../../support/desk';
import type { TestService } from '../../support/service';

/** Live single-use codes of clerk1's stores, as the service issued them, valid for another hour at least. */
export async function liveCodes(service: TestService): Promise<OrderRecord[]> {
  const now = service.clock.now();
  return [...(await serviceOrders(service, 'clerk1')).values()].filter(
    (o) =>
      o.status === 'PENDING_REDEMPTION' &&
      o.redemptionCode !== null &&
      o.redemptionCode.usesLeft === 1 &&
      o.redemptionCode.validFrom <= now &&
      o.redemptionCode.validTo > now + 3_600_000 &&
      o.refundStatus === 'NONE',
  );
}

export async function redeem(desk: TestDesk, code: string, storeId = 'ST-01'): Promise<RedemptionOutcome> {
  const result = await desk.call('redemption.redeem', { code, storeId });
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.reason ?? ''}`);
  return result.value as RedemptionOutcome;
}
