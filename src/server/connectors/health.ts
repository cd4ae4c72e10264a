import type { ShopHealth } from '../../shared/contract/connectors';
import type { ConnectorRow } from '../storage/connectors';

/** A connection's health from its row and the counts kept elsewhere (intake's receipts, the outbound queue). */
export function shopHealth(
  row: ConnectorRow,
  shopName: string,
  counts: { ordersLastHour: number; deadLetters: number },
  now: number,
): ShopHealth {
  return {
    shopId: row.shopId,
    shopName,
    platform: row.platform,
    gateway: row.gateway,
    appKey: row.appKey,
    state: row.paused ? 'paused' : row.failures > 0 ? 'failing' : row.lastPollAt === null ? 'waiting' : 'ok',
    lastPollAt: row.lastPollAt,
    lastSuccessAt: row.lastSuccessAt,
    lagMs: Math.max(0, now - row.ordersCursor),
    ordersLastHour: counts.ordersLastHour,
    lastError:
      row.lastErrorCode !== null && row.lastErrorAt !== null
        ? { code: row.lastErrorCode, message: row.lastErrorMessage ?? '', at: row.lastErrorAt }
        : null,
    consecutiveFailures: row.failures,
    deadLetters: counts.deadLetters,
    nextPollAt: row.nextPollAt,
  };
}
