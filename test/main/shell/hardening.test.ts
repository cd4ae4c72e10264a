import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeContents, fakeElectron, preventable, type FakeElectron } from './electron-fake';

const electron = vi.hoisted(() => ({ current: null as unknown }));
// Each test gets a fresh fake; the module's exports read whichever is current.
vi.mock('electron', () =>
  Object.fromEntries(
    [
      'app',
      'session',
      'shell',
      'ipcMain',
      'ipcRenderer',
      'contextBridge',
      'protocol',
      'net',
      'safeStorage',
      'crashReporter',
      'dialog',
    ].map((key) => [key, new Proxy({}, { get: (_t, prop) => Reflect.get((electron.current as never)[key], prop) })]),
  ),
);

let fake: FakeElectron;
beforeEach(() => {
  fake = fakeElectron();
  electron.current = fake;
  vi.resetModules();
});

const APP = 'app://orders/index.html';

describe('every window is held to the security baseline', () => {
  async function harden(devServerUrl?: string) {
    const { hardenContents } = await import('../../../src/main/shell/hardening');
    hardenContents(devServerUrl);
    const contents = fakeContents();
    fake.app.emit('web-contents-created', {}, contents);
    await Promise.resolve();
    return contents;
  }

  it('refuses navigation and redirects away from the app, and allows the app’s own pages', async () => {
    const contents = await harden();
    for (const [event, url, refused] of [
      ['will-navigate', 'https://evil.example/login', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-navigate', 'app://other/index.html', true],
      ['will-redirect', 'http://127.0.0.1:4610/', true],
      ['will-navigate', 'app://orders/index.html#/orders', false],
    ] as const) {
      const e = preventable();
      contents.emit(event, e, url);
      expect(e.defaultPrevented, `${event} ${url}`).toBe(refused);
    }
  });

  it('trusts the dev server only when one is named', async () => {
    const contents = await harden('http://localhost:5173');
    const e = preventable();
    contents.emit('will-navigate', e, 'http://localhost:5173/#/counter');
    expect(e.defaultPrevented).toBe(false);
    const other = preventable();
    contents.emit('will-navigate', other, 'http://localhost:5174/');
    expect(other.defaultPrevented).toBe(true);
  });

  it('denies every new window, opening only carriers’ tracking pages in the system browser', async () => {
    const contents = await harden();
    expect(contents.openHandler!({ url: 'https://www.sf-express.com/track?no=SF1' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://www.sf-express.com/track?no=SF1');
    for (const url of [
      'https://evil.example/',
      'http://www.sf-express.com/',
      'https://www.sf-express.com:8443/',
      'javascript:alert(1)',
    ]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses webviews', async () => {
    const contents = await harden();
    const e = preventable();
    contents.emit('will-attach-webview', e);
    expect(e.defaultPrevented).toBe(true);
  });

  it('grants no permission, asked or checked', async () => {
    await harden();
    const [request] = fake.session.defaultSession.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, grant: (ok: boolean) => void) => void,
    ];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const grant = vi.fn();
      request({}, permission, grant);
      expect(grant).toHaveBeenCalledWith(false);
    }
    const [check] = fake.session.defaultSession.setPermissionCheckHandler.mock.calls[0] as [() => boolean];
    expect(check()).toBe(false);
  });
});

describe('IPC answers the app’s own frames only', () => {
  it('refuses a call from a frame showing anything but the app', async () => {
    const { connectIpc } = await import('../../../src/main/shell/ipc');
    const dispatch = vi.fn(() => Promise.resolve({ ok: true, value: 'orders' }));
    const window = Object.assign(new (await import('node:events')).EventEmitter(), {
      isDestroyed: () => false,
      webContents: { send: vi.fn() },
    });
    connectIpc({ dispatch, events: { subscribe: () => () => undefined } } as never, window as never, undefined);
    const invoke = fake.handlers.get('api:invoke')!;
    for (const url of ['https://evil.example/', 'app://orders.evil/index.html', 'file:///tmp/x.html']) {
      expect(await invoke({ senderFrame: { url } }, 'orders.list', {})).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(await invoke({ senderFrame: null }, 'orders.list', {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await invoke({ senderFrame: { url: APP } }, 'orders.list', { limit: 1 })).toEqual({
      ok: true,
      value: 'orders',
    });
    expect(dispatch).toHaveBeenCalledWith('orders.list', { limit: 1 });
  });
});

describe('the preload exposes the contract and nothing else', () => {
  async function bridge() {
    await import('../../../src/preload/index');
    const [name, exposed] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(name).toBe('api');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'subscribe']);
    return exposed as {
      invoke(procedure: unknown, input?: unknown): Promise<unknown>;
      subscribe(event: unknown, listener: (payload: unknown) => void): () => void;
    };
  }

  it('invokes only procedures named in the contract, always on the one channel', async () => {
    const api = await bridge();
    await expect(api.invoke('orders.list', { limit: 1 })).resolves.toBe('answered');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('api:invoke', 'orders.list', { limit: 1 });
    for (const name of ['orders.drop', '__proto__', 'api:invoke', 42]) {
      await expect(api.invoke(name, {})).rejects.toThrow(/Unknown procedure/);
    }
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('subscribes only to events named in the contract, and hands on only that event', async () => {
    const api = await bridge();
    expect(() => api.subscribe('ipc:anything', () => undefined)).toThrow(/Unknown event/);
    const seen: unknown[] = [];
    const off = api.subscribe('orders.changed', (payload) => seen.push(payload));
    const [channel, listener] = fake.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(channel).toBe('api:event');
    listener({}, 'sync.status', { online: true });
    listener({}, 'orders.changed', { orderNos: ['M1'] });
    expect(seen).toEqual([{ orderNos: ['M1'] }]);
    off();
    expect(fake.ipcRenderer.off).toHaveBeenCalledWith('api:event', listener);
  });
});

describe('app:// serves the built renderer and nothing beside it', () => {
  async function serve() {
    const { serveRenderer } = await import('../../../src/main/shell/app-protocol');
    serveRenderer('/opt/order-desk/renderer');
    const [scheme, handler] = fake.protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    return (url: string) => handler(new Request(url));
  }

  it('never reads a file outside the renderer folder, however the path is spelled, nor for another host', async () => {
    const get = await serve();
    for (const url of [
      'app://orders/../../etc/passwd',
      'app://orders/%2e%2e/%2e%2e/etc/passwd',
      'app://orders/..%2f..%2fetc/passwd',
      'app://orders/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/shadow',
      'app://orders/%252e%252e/secret',
    ]) {
      await get(url);
    }
    // The URL parser folds plain and %2e dot segments into the root; an encoded slash is refused.
    expect((await get('app://orders/..%2f..%2fetc/passwd')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    const read = (fake.net.fetch.mock.calls as unknown as Array<[string]>).map(([url]) => String(url));
    expect(read.length).toBeGreaterThan(0);
    for (const url of read) expect(url.startsWith('file:///opt/order-desk/renderer/'), url).toBe(true);
    expect(read.some((url) => url.includes('passwd') && !url.startsWith('file:///opt/order-desk/renderer/etc/'))).toBe(
      false,
    );
  });

  it('serves the app’s files with the content security policy', async () => {
    const get = await serve();
    const page = await get('app://orders/');
    expect(page.status).toBe(200);
    expect(fake.net.fetch).toHaveBeenCalledWith('file:///opt/order-desk/renderer/index.html');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    await get('app://orders/assets/index-abc.js');
    expect(fake.net.fetch).toHaveBeenLastCalledWith('file:///opt/order-desk/renderer/assets/index-abc.js');
  });
});

describe('safeStorage counts only where it protects something', () => {
  it('refuses Linux’s basic_text backend: the token stays in memory, the seal keys get no protector', async () => {
    const { SafeStorageVault, safeStorageProtector, safeStorageWorks } =
      await import('../../../src/main/shell/safe-storage-vault');
    const { mkdtempSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    try {
      const dir = join(mkdtempSync(join(tmpdir(), 'vault-')), 'tokens');
      fake.safe.backend = 'basic_text';
      expect(safeStorageWorks()).toBe(false);
      expect(safeStorageProtector()).toBeNull();
      const vault = new SafeStorageVault(dir);
      vault.save('clerk1', 'token-in-memory');
      expect(vault.load('clerk1')).toBe('token-in-memory');
      expect(() => readdirSync(dir)).toThrow();

      fake.safe.backend = 'gnome_libsecret';
      expect(safeStorageWorks()).toBe(true);
      const protector = safeStorageProtector()!;
      expect(protector.unprotect(protector.protect(Buffer.from('key')))).toEqual(Buffer.from('key'));
      vault.save('clerk2', 'token-on-disk');
      expect(readdirSync(dir)).toEqual(['clerk2.token']);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});

describe('crashes', () => {
  it('keeps crash dumps on this computer: nothing is uploaded', async () => {
    const { keepCrashDumpsLocally } = await import('../../../src/main/shell/crashes');
    keepCrashDumpsLocally();
    expect(fake.crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false }));
  });

  it('reloads a window whose renderer died, tells the user, logs it, and does not reload in a loop', async () => {
    const { reloadWhenRendererGone } = await import('../../../src/main/shell/crashes');
    const { EventEmitter } = await import('node:events');
    const webContents = Object.assign(new EventEmitter(), { reload: vi.fn() });
    const window = { webContents, isDestroyed: () => false };
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    reloadWhenRendererGone(window as never, log);

    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(webContents.reload).toHaveBeenCalledTimes(1);
    const [, shown] = fake.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { message: string }];
    expect(shown.message).toMatch(/界面意外退出，已重新加载/);
    expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/renderer gone: crashed \(exit code 139\)/));

    webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(webContents.reload).toHaveBeenCalledTimes(1);
    webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(webContents.reload).toHaveBeenCalledTimes(1);
  });
});
