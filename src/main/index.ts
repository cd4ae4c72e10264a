import { app, BrowserWindow } from 'electron';
import electronLog from 'electron-log/main';
import { join } from 'node:path';
import { startEmbeddedService } from './app/embedded-service';
import { utilityLauncher } from './shell/utility-service';
import { startDeskBackend } from './backend/host';
import { loadOrCreateDeviceId } from './session/device';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './shell/app-protocol';
import { openDeskLogs } from './diagnostics/desk-log';
import { keepCrashDumpsLocally, reloadWhenRendererGone } from './shell/crashes';
import { hardenContents } from './shell/hardening';
import { connectIpc } from './shell/ipc';
import { windowLabelPrinter } from './shell/label-printer';
import { windowPdfPrinter } from './shell/pdf-printer';
import { SafeStorageVault, safeStorageProtector, safeStorageWorks } from './shell/safe-storage-vault';
import { keepUpdated } from './shell/updates';
import { clientDirFor, deskStart } from './settings/desk-settings';

// The dev server is trusted only in an unpackaged build that electron-vite started.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
// The demo people try out on purpose takes the published password; otherwise one made for this run.
const publicDemo = process.env['ORDER_DESK_PUBLIC_DEMO'] === '1' || process.argv.includes('--public-demo');
const here = import.meta.dirname;

app.enableSandbox();
keepCrashDumpsLocally();
registerAppScheme();
hardenContents(devServerUrl);

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  serveRenderer(join(here, '../renderer'));
  const dataDir = app.getPath('userData');
  const logs = openDeskLogs(app.getPath('logs'), electronLog);
  logs.main.info(`started ${app.getVersion()} (electron ${process.versions.electron})`);
  // The deployment's ORDER_SERVICE_URL, else the service an admin set in 设置, else the demo company.
  const allowInsecureServiceUrl = process.env['ORDER_DESK_ALLOW_HTTP'] === '1';
  const start = deskStart(
    dataDir,
    { serviceUrl: process.env['ORDER_SERVICE_URL'], updateUrl: process.env['ORDER_DESK_UPDATE_URL'] },
    { allowInsecure: allowInsecureServiceUrl },
  );
  const embedded = start.serviceUrl
    ? null
    : await startEmbeddedService(dataDir, 3000, { publicDemo, launch: utilityLauncher });
  // The printer needs the window, which is made after the app it serves.
  let window: BrowserWindow | null = null;
  // The desk's backend runs on worker threads: this thread keeps the window, checks senders,
  // relays, and lends what only it has (safeStorage, the window's printers, the log files).
  const desk = startDeskBackend(
    {
      dataDir: clientDirFor(dataDir, start.serviceUrl),
      serviceUrl: start.serviceUrl ?? embedded!.url,
      deviceId: loadOrCreateDeviceId(dataDir),
      demo: embedded !== null,
      ...(embedded ? { demoPassword: embedded.password } : {}),
      allowInsecureServiceUrl,
      tokenStorage: safeStorageWorks() ? 'keychain' : 'memory',
      versions: {
        app: app.getVersion(),
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
      crashDumpsDir: app.getPath('crashDumps'),
      settings: { dir: dataDir, start },
    },
    {
      vault: new SafeStorageVault(join(dataDir, 'tokens')),
      keyProtector: safeStorageProtector(),
      printer: windowPdfPrinter(() => window),
      labelPrinter: windowLabelPrinter(() => window),
      logs,
      restart: () => {
        app.relaunch();
        app.quit();
      },
    },
  );

  window = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    icon: join(here, '../../resources/icon.png'),
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  connectIpc(desk, window, devServerUrl);
  // Only an installed desk updates itself; a development build has no feed and nothing to replace.
  if (app.isPackaged) keepUpdated({ feedUrl: start.updateUrl, log: logs.main });
  reloadWhenRendererGone(window, logs.main);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  app.on('before-quit', () => {
    void desk.close().then(() => embedded?.close());
  });
});

app.on('window-all-closed', () => app.quit());
