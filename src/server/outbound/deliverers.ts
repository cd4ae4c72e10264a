import type { ShopRow } from '../storage/repositories';
import type { OutboundRow } from '../storage/repositories';
import { signWebhook, WEBHOOK_HEADERS } from './signature';

/** A refusal by the receiver or the way to it; `permanent` parks the event at once (no retry can help). */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/**
 * Delivers one event of a shop to whoever must learn it. Resolves when the receiver has taken it
 * (a retry of a taken event is harmless: receivers deduplicate by event id); throws otherwise.
 */
export interface Deliverer {
  deliver(event: OutboundRow, shop: ShopRow, options: { now: number; timeoutMs: number }): Promise<void>;
}

/**
 * Who delivers a shop's events, or null when this one does not serve the shop. The first that
 * answers wins: a platform connector (淘宝 TOP, 拼多多) claims its shops ahead of the webhook.
 */
export type DelivererFor = (shop: ShopRow) => Deliverer | null;

/** The shop's own webhook: JSON, signed with HMAC-SHA256 over the timestamp and the body. */
export const webhookDeliverer: DelivererFor = (shop) => {
  const url = shop.webhookUrl;
  const secret = shop.webhookSecret;
  if (!url || !secret) return null;
  return {
    async deliver(event, _shop, { now, timeoutMs }) {
      const timestamp = Math.floor(now / 1000);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'order-service-webhooks/1',
            [WEBHOOK_HEADERS.eventId]: event.eventId,
            [WEBHOOK_HEADERS.timestamp]: String(timestamp),
            [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, event.body),
          },
          body: event.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new DeliveryError(`${url}: ${cause ?? (error instanceof Error ? error.name : String(error))}`);
      }
      // Read (and drop) the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 200 || response.status >= 300)
        throw new DeliveryError(`${url} answered ${response.status}`);
    },
  };
};

/** The deliverers the service knows, first match wins; connectors add theirs ahead of the webhook. */
export const DELIVERERS: readonly DelivererFor[] = [webhookDeliverer];

export const delivererOf = (deliverers: readonly DelivererFor[], shop: ShopRow): Deliverer | null => {
  for (const candidate of deliverers) {
    const deliverer = candidate(shop);
    if (deliverer) return deliverer;
  }
  return null;
};
