import { app, session, shell } from 'electron';
import { isAppUrl, mayOpenExternally } from '../security/navigation';

/**
 * The security baseline for every window: no navigation away from the app, no new windows,
 * no permissions, no webviews; allow-listed links go to the system browser instead.
 */
export function hardenContents(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (mayOpenExternally(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
