import { api } from '../api/client';

/** A renderer in trouble says so at most this often: a failing render loop must not flood the log. */
const MAX_PER_MINUTE = 20;

const describe = (value: unknown): string =>
  value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : String(value);

/**
 * The renderer's uncaught errors and rejections go to the desk's renderer log through the contract
 * (main scrubs and writes them), so 导出诊断信息 carries what the user saw break.
 */
export function reportUncaughtErrors(target: Window = window, now: () => number = Date.now): void {
  let windowStart = now();
  let sent = 0;
  const report = (message: string) => {
    if (now() - windowStart > 60_000) {
      windowStart = now();
      sent = 0;
    }
    if (++sent > MAX_PER_MINUTE) return;
    void api['diagnostics.log']({ level: 'error', message: message.slice(0, 4000) });
  };
  target.addEventListener('error', (event) => report(`uncaught ${describe(event.error ?? event.message)}`));
  target.addEventListener('unhandledrejection', (event) => report(`unhandled rejection ${describe(event.reason)}`));
}
