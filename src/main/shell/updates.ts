import electronUpdater from 'electron-updater';
import type { DeskLog } from '../diagnostics/desk-log';

/** How often a running desk looks for a new version: a shift sees at most one restart's delay. */
const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/**
 * Keeps a packaged desk up to date from the company's own update folder (a generic HTTPS feed of
 * latest*.yml beside the installers, electron-builder.yml `publish`). `feedUrl` (设置, or
 * ORDER_DESK_UPDATE_URL) overrides the URL the build was made with. An update downloads in the
 * background and installs when the desk quits, never in the middle of someone's work; a feed that
 * cannot be reached is logged and tried again later. electron-updater checks the download against
 * the feed's sha512 (and, on Windows and macOS, the installer's signature).
 */
export function keepUpdated({ feedUrl, log }: { feedUrl: string | null; log: DeskLog }): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = {
    info: (m) => log.info(String(m)),
    warn: (m) => log.warn(String(m)),
    error: (m) => log.error(String(m)),
  };
  if (feedUrl) autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('update-downloaded', (info) =>
    log.info(`update ${info.version} downloaded; installs when the desk quits`),
  );
  const check = () =>
    autoUpdater.checkForUpdates().catch((error: unknown) => log.warn(`update check failed: ${String(error)}`));
  void check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  return () => clearInterval(timer);
}
