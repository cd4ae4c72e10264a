import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/shared/contract/api';
import { syncWords } from '../../../src/renderer/lib/sync-words';
import { zhCN } from '../../../src/renderer/i18n/zh-CN';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  online: true,
  syncing: false,
  queued: 0,
  exceptions: 0,
  lastSyncAt: 1_741_910_400_000,
  lastError: null,
  firstSync: null,
  needsSignIn: false,
  ...patch,
});

describe('the sync bar’s words', () => {
  it('says 已全部同步 only while the service is reachable', () => {
    expect(syncWords(status({}), zhCN).queue).toBe('已全部同步');
    const offline = status({ online: false, lastError: { code: 'OFFLINE', message: 'fetch failed' } });
    expect(syncWords(offline, zhCN)).toEqual({ queue: '本机没有待同步的更改', failure: null });
  });

  it('counts what waits to sync, online or not', () => {
    expect(syncWords(status({ online: false, queued: 3 }), zhCN).queue).toBe('待同步 3 条');
  });

  it('names a failure in Chinese, never with the service’s English message or a raw code', () => {
    const timeout = status({ lastError: { code: 'TIMEOUT', message: 'No answer within 15000 ms' } });
    expect(syncWords(timeout, zhCN).failure).toBe('同步失败：订单服务长时间没有应答，稍后自动重试');
    const odd = status({ lastError: { code: 'SOMETHING_NEW', message: 'Order service unreachable: fetch failed' } });
    expect(syncWords(odd, zhCN).failure).not.toMatch(/[A-Za-z]/);
  });
});
