import type { Platform } from './vocabulary';

/**
 * A shop is one storefront on one channel (domain.md "Channels"). An external order's identity is
 * (shop, the platform's order number).
 */
export const SHOP_CHANNELS = ['OWN_MALL', 'TAOBAO', 'JD', 'PDD', 'DOUYIN', 'OTHER', 'DEALER'] as const;
export type ShopChannel = (typeof SHOP_CHANNELS)[number];

/**
 * The platform a channel's orders are filed under (the order list's platform filter). A shop may
 * choose another: an "other" storefront (微店, 小红书) picks the one its orders belong with.
 */
export const CHANNEL_PLATFORMS: Readonly<Record<ShopChannel, Platform>> = {
  OWN_MALL: 'OWN_MALL',
  TAOBAO: 'TMALL',
  JD: 'JD',
  PDD: 'PDD',
  DOUYIN: 'DOUYIN',
  OTHER: 'OWN_MALL',
  DEALER: 'OFFLINE',
};

/**
 * What a source must learn about its orders (domain.md "Channels, intake and write-back"), one
 * event type per change that raises it (src/server/outbound/events.ts works them out; payloads in
 * docs/api.md "Webhooks").
 */
export const OUTBOUND_EVENT_TYPES = [
  'order.shipped',
  'order.cancelled',
  'refund.approved',
  'refund.refused',
  'refund.paid',
  'order.address_changed',
] as const;
export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];
