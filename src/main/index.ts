import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { findDemoUser } from '../shared/demo/users';
import { createCore } from './core';
import { loadDemoOrders } from './db/demo';
import { loadOrCreateDeviceId } from './session/device';
import { sessionForDemoUser } from './session/session';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './shell/app-protocol';
import { hardenContents } from './shell/hardening';
import { connectIpc } from './shell/ipc';

// The dev server is trusted only in an unpackaged build that electron-vite started.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const here = import.meta.dirname;

app.enableSandbox();
registerAppScheme();
hardenContents(devServerUrl);

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  serveRenderer(join(here, '../renderer'));
  const dataDir = app.getPath('userData');
  const user = findDemoUser(process.env['ORDER_DESK_USER'] ?? 'admin') ?? findDemoUser('admin');
  if (!user) throw new Error('No demo user');
  const session = sessionForDemoUser(user, loadOrCreateDeviceId(dataDir));
  const core = createCore({ dbFile: join(dataDir, 'orders.sqlite'), session: () => session });
  const empty = (core.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n === 0;
  if (empty) loadDemoOrders(core.db, { count: 2000, seed: 1, now: Date.now() });

  const window = new BrowserWindow({
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
  connectIpc(core, window, devServerUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  app.on('before-quit', () => core.close());
});

app.on('window-all-closed', () => app.quit());
