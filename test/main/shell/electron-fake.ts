import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * The parts of Electron the shell touches, as plain objects a test can drive: the real runtime
 * cannot be downloaded here, and these tests are about our handlers, not Electron's.
 */
export function fakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    whenReady: vi.fn(() => Promise.resolve()),
    getName: () => '订单工作台',
  });
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const safe = { available: true, backend: 'gnome_libsecret' };
  return {
    app,
    session: { defaultSession },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    ipcMain: { handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
    ipcRenderer: { invoke: vi.fn(() => Promise.resolve('answered')), on: vi.fn(), off: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    crashReporter: { start: vi.fn() },
    dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
    net: {
      fetch: vi.fn(() => Promise.resolve(new Response('<html></html>', { headers: { 'content-type': 'text/html' } }))),
    },
    safeStorage: {
      isEncryptionAvailable: () => safe.available,
      getSelectedStorageBackend: () => safe.backend,
      encryptString: (text: string) => Buffer.from(`enc(${text})`),
      decryptString: (data: Buffer) => data.toString().replace(/^enc\((.*)\)$/, '$1'),
    },
    /** Test knobs. */
    handlers,
    safe,
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;

/** A webContents as `web-contents-created` hands it over. */
export function fakeContents() {
  const contents = Object.assign(new EventEmitter(), {
    openHandler: null as null | ((details: { url: string }) => { action: string }),
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      contents.openHandler = handler;
    },
  });
  return contents;
}

/** An event whose default a handler may prevent. */
export function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}
