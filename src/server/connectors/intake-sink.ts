import type { IntakeOrder } from '../../shared/contract/intake';
import type { PaymentChannel } from '../../shared/domain/vocabulary';
import { toIntakeOrder } from '../../shared/external/intake';
import type { Deps } from '../deps';
import { intakeOrders } from '../intake/orders';
import type { ConnectorPlatform } from './platform';
import type { IntakeOutcome, IntakeSink } from './poller';

/**
 * The intake pipeline as a connector feeds it: each platform order in intake's shape, through
 * intakeOrders like any other source (one path into the store), as the shop's connector. Intake
 * answers `unchanged` for a version it already holds, so the poller's overlap and a re-pull cost
 * nothing; a refused order is named in the shop's health and the poll goes on.
 */
const PAYMENT_CHANNEL: Record<ConnectorPlatform, PaymentChannel> = {
  // 淘宝/天猫 trades are paid through 支付宝; 拼多多's cashier is mostly WeChat Pay.
  taobao: 'ALIPAY',
  pdd: 'WECHAT_PAY',
};

const OUTCOMES: Record<'created' | 'updated' | 'unchanged' | 'exception', IntakeOutcome> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  // Held for a person (an unmapped SKU, amounts that differ): taken in all the same.
  exception: 'created',
};

export class IntakeRefusal extends Error {
  override name = 'IntakeRefusal';
}

export function intakeSink(deps: Deps): IntakeSink {
  const scope = { all: true, warehouseIds: [], storeIds: [], dealerIds: [] };
  return {
    async receive(shopId, order, refunds) {
      const shop = await deps.store.unit((tx) => tx.connectors.get(shopId));
      const platform = shop?.platform ?? 'taobao';
      const input: IntakeOrder = toIntakeOrder(
        shopId,
        order,
        PAYMENT_CHANNEL[platform],
        (lineId) => refunds.find((r) => r.open && r.lineId === lineId)?.reason,
      );
      const [result] = await intakeOrders(deps, { scope, via: `connector:${platform}` }, [input]);
      if (!result) throw new IntakeRefusal('intake answered nothing');
      if (result.outcome === 'rejected')
        throw new IntakeRefusal(result.reasons.map((r) => `${r.path ?? ''} ${r.code}: ${r.message}`).join('; '));
      return OUTCOMES[result.outcome];
    },
  };
}
