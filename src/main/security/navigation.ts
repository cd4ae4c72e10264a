/**
 * Links that may leave the app for the system browser: carriers' public tracking pages only.
 * Everything else a page tries to open or navigate to is refused.
 */
const EXTERNAL_ALLOW_LIST = new Set([
  'www.sf-express.com',
  'www.zto.com',
  'www.yto.net.cn',
  'www.sto.cn',
  'www.yundaex.com',
  'www.jdl.com',
  'www.ems.com.cn',
  'www.jtexpress.com.cn',
  'www.kuaidi100.com',
]);

export function mayOpenExternally(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === 'https:' && EXTERNAL_ALLOW_LIST.has(url.hostname) && url.username === '' && url.port === '';
  } catch {
    return false;
  }
}

/** The renderer's own origin: app://orders in a packaged app, the electron-vite dev server in development. */
export function isAppUrl(rawUrl: string, devServerUrl: string | undefined): boolean {
  try {
    const url = new URL(rawUrl);
    if (url.protocol === 'app:' && url.host === 'orders') return true;
    return devServerUrl !== undefined && url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
