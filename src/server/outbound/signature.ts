import { createHmac } from 'node:crypto';

/** The headers a webhook carries (docs/api.md "Webhooks"). */
export const WEBHOOK_HEADERS = {
  eventId: 'x-order-event-id',
  timestamp: 'x-order-timestamp',
  signature: 'x-order-signature',
} as const;

/**
 * `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` under the shop's secret. The timestamp (Unix
 * seconds) is inside what is signed, so a receiver that refuses old timestamps cannot be replayed
 * to; the scheme is versioned so it can change without breaking receivers of v1.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
