import { describe, expect, it } from 'vitest';
import { syncWords } from '../../../src/renderer/lib/sync-words';
import { zhCN } from '../../../src/renderer/i18n/zh-CN';
import { syncStatus } from '../../fixtures/sync-status';

describe('the sync bar’s words', () => {
  it('says 已全部同步 only while the service is reachable', () => {
    expect(syncWords(syncStatus({}), zhCN).queue).toBe('已全部同步');
    const offline = syncStatus({ online: false, lastError: { code: 'OFFLINE', message: 'fetch failed' } });
    expect(syncWords(offline, zhCN)).toEqual({ queue: '本机没有待同步的更改', failure: null });
  });

  it('counts what waits to sync, online or not', () => {
    expect(syncWords(syncStatus({ online: false, queued: 3 }), zhCN).queue).toBe('待同步 3 条');
  });

  it('names a failure in Chinese, never with the service’s English message or a raw code', () => {
    const timeout = syncStatus({ lastError: { code: 'TIMEOUT', message: 'No answer within 15000 ms' } });
    expect(syncWords(timeout, zhCN).failure).toBe('同步失败：订单服务长时间没有应答，稍后自动重试');
    const odd = syncStatus({
      lastError: { code: 'SOMETHING_NEW', message: 'Order service unreachable: fetch failed' },
    });
    expect(syncWords(odd, zhCN).failure).not.toMatch(/[A-Za-z]/);
  });
});
