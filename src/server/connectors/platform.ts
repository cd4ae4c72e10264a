import type { CarrierCode } from '../../shared/domain/carriers';
import type { PlatformResult } from './failure';
import type { ExternalOrder } from '../../shared/external/order';

/**
 * What the framework needs of a platform: read what changed, read an order in full, and write
 * back. Each platform folder implements it over its signed client (taobao/platform.ts,
 * pdd/platform.ts); 京东 and 抖店 would be two more (docs/connectors.md).
 */
export const CONNECTOR_PLATFORMS = ['taobao', 'pdd'] as const;
export type ConnectorPlatform = (typeof CONNECTOR_PLATFORMS)[number];

export interface ShopCredentials {
  appKey: string;
  appSecret: string;
  session: string;
}

/** A refund the platform holds, with what a decision on it must quote. */
export interface PlatformRefund {
  refundId: string;
  externalOrderNo: string;
  lineId: string;
  /** The platform's word for its state, as is. */
  status: string;
  open: boolean;
  amount: number;
  reason: string;
  /** TOP's refund_version and refund_phase; 拼多多 needs neither. */
  version: string;
  phase: string;
  modifiedAt: number;
}

export type ReadOrder = { ok: true; order: ExternalOrder } | { ok: false; reason: string };

export interface Parcel {
  carrier: CarrierCode;
  trackingNo: string;
  /** The platform line ids in this parcel. */
  lineIds: string[];
  /** Whether an earlier parcel of the order already went to the platform. */
  followsAnother: boolean;
  /** Whether this parcel holds everything the order still owed. */
  completes: boolean;
}

export interface Platform {
  readonly name: ConnectorPlatform;
  /** The longest modification window one query may span. */
  readonly maxWindowMs: number;
  /** Order numbers modified within [start, end] (inclusive, whole seconds). */
  changedOrders(start: number, end: number): Promise<PlatformResult<string[]>>;
  order(externalOrderNo: string): Promise<PlatformResult<ReadOrder>>;
  refunds(start: number, end: number): Promise<PlatformResult<PlatformRefund[]>>;
  ship(externalOrderNo: string, parcel: Parcel): Promise<PlatformResult<void>>;
  decideRefund(refund: PlatformRefund, agree: boolean, message: string): Promise<PlatformResult<void>>;
}

export interface PlatformOptions {
  gateway: string;
  credentials: ShopCredentials;
  timeoutMs?: number;
  clock?: () => number;
  /** Aborted when the service stops (connectors/service.ts): calls in flight end at once. */
  signal?: AbortSignal;
}
