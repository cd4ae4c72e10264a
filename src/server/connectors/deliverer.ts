import type { Deps } from '../deps';
import { DeliveryError, type DelivererFor } from '../outbound/deliverers';
import { PLATFORMS } from './platforms';
import { openSecrets } from './shop-secrets';
import { deliverRefund, deliverShipped, type Delivery, type ParcelLine, type ShippedParcel } from './writeback';

/**
 * The outbound queue's deliverer for a shop connected to a platform (ShopRow.connector): it is
 * asked ahead of the webhook, and tells the platform by the platform's own methods what the event
 * says (docs/api.md "Webhooks" for the bodies). Parcels go out each with its carrier and lines;
 * refund decisions go to the platform's own refund. Cancellations, paid refunds and changed
 * addresses the platform learns by itself: delivered with nothing to send.
 */
interface EventBody {
  type: string;
  externalOrderNo: string;
  data: { parcels?: ShippedParcel[]; allShipped?: boolean; lines?: ParcelLine[]; reason?: string };
}

export function connectorDeliverer(deps: Pick<Deps, 'store' | 'clock'>, key: Buffer): DelivererFor {
  return (shop) => {
    if (shop.connector === null) return null;
    return {
      async deliver(event, _shop, { timeoutMs }) {
        const row = await deps.store.unit((tx) => tx.connectors.get(shop.id));
        if (!row) throw new DeliveryError(`shop ${shop.id} is no longer connected to a platform`, true);
        const secrets = openSecrets(key, row.sealedSecrets);
        if (!secrets) throw new DeliveryError('the shop’s credentials cannot be opened with this service’s key', true);
        const platform = PLATFORMS[row.platform]({
          gateway: row.gateway,
          credentials: { appKey: row.appKey, ...secrets },
          timeoutMs,
          clock: () => deps.clock.now(),
        });
        const body = JSON.parse(event.body) as EventBody;
        let outcome: Delivery = { ok: true, note: null };
        if (body.type === 'order.shipped')
          outcome = await deliverShipped(platform, {
            kind: 'shipped',
            externalOrderNo: body.externalOrderNo,
            parcels: body.data.parcels ?? [],
            allShipped: body.data.allShipped ?? false,
          });
        else if (body.type === 'refund.approved' || body.type === 'refund.refused')
          outcome = await deliverRefund(
            platform,
            await deps.store.unit((tx) => tx.connectors.refundsOf(shop.id, body.externalOrderNo)),
            {
              kind: 'refund',
              externalOrderNo: body.externalOrderNo,
              agree: body.type === 'refund.approved',
              reason: body.data.reason ?? '',
              lines: body.data.lines ?? [],
            },
          );
        if (!outcome.ok) throw new DeliveryError(outcome.error, !outcome.retry);
      },
    };
  };
}
