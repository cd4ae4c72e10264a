import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { startEmbeddedService } from './app/embedded-service';
import { startDeskBackend } from './backend/host';
import { loadOrCreateDeviceId } from './session/device';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './shell/app-protocol';
import { hardenContents } from './shell/hardening';
import { connectIpc } from './shell/ipc';
import { windowLabelPrinter } from './shell/label-printer';
import { windowPdfPrinter } from './shell/pdf-printer';
import { SafeStorageVault, safeStorageProtector, safeStorageWorks } from './shell/safe-storage-vault';

// The dev server is trusted only in an unpackaged build that electron-vite started.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
// A remote order service, if the deployment has one; otherwise the embedded demo company.
const remoteServiceUrl = process.env['ORDER_SERVICE_URL'];
// The demo people try out on purpose takes the published password; otherwise one made for this run.
const publicDemo = process.env['ORDER_DESK_PUBLIC_DEMO'] === '1' || process.argv.includes('--public-demo');
const here = import.meta.dirname;

app.enableSandbox();
registerAppScheme();
hardenContents(devServerUrl);

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  serveRenderer(join(here, '../renderer'));
  const dataDir = app.getPath('userData');
  const embedded = remoteServiceUrl ? null : await startEmbeddedService(dataDir, 3000, { publicDemo });
  // The printer needs the window, which is made after the app it serves.
  let window: BrowserWindow | null = null;
  // The desk's backend runs on worker threads: this thread keeps the window, checks senders,
  // relays, and lends what only it has (safeStorage, the window's printers).
  const desk = startDeskBackend(
    {
      dataDir: join(dataDir, 'client'),
      serviceUrl: remoteServiceUrl ?? embedded!.url,
      deviceId: loadOrCreateDeviceId(dataDir),
      demo: embedded !== null,
      ...(embedded ? { demoPassword: embedded.password } : {}),
      allowInsecureServiceUrl: process.env['ORDER_DESK_ALLOW_HTTP'] === '1',
      tokenStorage: safeStorageWorks() ? 'keychain' : 'memory',
    },
    {
      vault: new SafeStorageVault(join(dataDir, 'tokens')),
      keyProtector: safeStorageProtector(),
      printer: windowPdfPrinter(() => window),
      labelPrinter: windowLabelPrinter(() => window),
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
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  app.on('before-quit', () => {
    void desk.close().then(() => embedded?.close());
  });
});

app.on('window-all-closed', () => app.quit());
