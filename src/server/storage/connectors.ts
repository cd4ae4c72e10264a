import type { ConnectorPlatform, PlatformRefund } from '../connectors/platform';

/** A shop's connection as stored; secrets stay sealed until the poller needs them. */
export interface ConnectorRow {
  shopId: string;
  platform: ConnectorPlatform;
  gateway: string;
  appKey: string;
  sealedSecrets: string;
  paused: boolean;
  ordersCursor: number;
  refundsCursor: number;
  nextPollAt: number;
  lastPollAt: number | null;
  lastSuccessAt: number | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  lastErrorAt: number | null;
  failures: number;
  createdAt: number;
  updatedAt: number;
}

export interface ConnectorsRepo {
  get(shopId: string): Promise<ConnectorRow | null>;
  list(): Promise<ConnectorRow[]>;
  /** Active connections whose next poll is due. */
  due(now: number): Promise<ConnectorRow[]>;
  put(row: ConnectorRow): Promise<void>;
  putRefund(shopId: string, refund: PlatformRefund): Promise<void>;
  refundsOf(shopId: string, externalOrderNo: string): Promise<PlatformRefund[]>;
  /** What a shop's health counts elsewhere: orders first taken in during the last hour, dead write-backs. */
  counts(shopId: string, now: number): Promise<{ ordersLastHour: number; deadLetters: number }>;
}
