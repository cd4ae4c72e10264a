/**
 * The writer thread: the desk's whole backend as createApp builds it (dispatcher and handlers,
 * the signed-in user's store, the sync engine), off main's event loop. Main's thread relays calls
 * here and events back; what only main's thread has (the token vault, the window's printer) is
 * asked for with a host call.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createApp } from '../app/app';
import { LOG_NAMES, type DeskLog, type DeskLogs, type LogName } from '../diagnostics/desk-log';
import type { LabelPrinter } from '../floor/label-printer';
import type { PdfPrinter } from '../print/handlers';
import type { KeyProtector } from '../session/seal-key';
import type { TokenVault } from '../session/token-vault';
import { appOptionsOf, type DeskBackendOptions } from './options';
import type { FromWorker, HostCall, ToWorker } from './protocol';

export interface WriterData {
  options: DeskBackendOptions;
  /** What main's thread has to lend (Electron's printers and key protection; browser mode has none). */
  printer: boolean;
  labelPrinter: boolean;
  keyProtector: boolean;
  /** Where main's thread writes the desk's logs; null: no logs (tests). */
  logsDir: string | null;
  /** Main's thread can restart the desk (Electron). */
  restart: boolean;
}

const port = parentPort!;
const { options, printer, labelPrinter, keyProtector, logsDir, restart } = workerData as WriterData;
const post = (message: FromWorker) => port.postMessage(message);

let hostCalls = 0;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const host = <T>(call: HostCall, ...args: unknown[]): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const id = ++hostCalls;
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    post({ type: 'host-call', id, call, args });
  });

const vault: TokenVault = {
  save: (username, token) => host('vault.save', username, token),
  load: (username) => host('vault.load', username),
  clear: (username) => host('vault.clear', username),
};
const pdfPrinter: PdfPrinter = { toPdf: (fileName) => host('printer.toPdf', fileName) };
const labels: LabelPrinter = { print: (deviceName, size) => host('labelPrinter.print', deviceName, size) };
const keys: KeyProtector = {
  protect: async (secret) => Buffer.from(await host<Uint8Array>('keys.protect', secret)),
  unprotect: async (sealed) => Buffer.from(await host<Uint8Array>('keys.unprotect', sealed)),
};

const textOf = (value: unknown): string =>
  value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : String(value);
const logTo = (name: LogName): DeskLog => ({
  info: (message) => post({ type: 'log', name, level: 'info', message }),
  warn: (message) => post({ type: 'log', name, level: 'warn', message }),
  error: (message, error) =>
    post({ type: 'log', name, level: 'error', message, ...(error === undefined ? {} : { error: textOf(error) }) }),
});
const logs: DeskLogs | null =
  logsDir === null
    ? null
    : ({ dir: logsDir, ...Object.fromEntries(LOG_NAMES.map((name) => [name, logTo(name)])) } as DeskLogs);

const app = createApp({
  ...(await appOptionsOf(options)),
  vault,
  ...(printer ? { printer: pdfPrinter } : {}),
  ...(labelPrinter ? { labelPrinter: labels } : {}),
  keyProtector: keyProtector ? keys : null,
  ...(logs ? { logs } : {}),
  ...(options.settings
    ? { settings: { ...options.settings, restart: restart ? () => void host('app.restart') : null } }
    : {}),
  onWorkspace: (workspace) => post({ type: 'workspace', workspace }),
});
app.events.subscribe((name, payload) => post({ type: 'event', name, payload }));
app.exports.onPut((id, path) => post({ type: 'export', id, path }));

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call':
      void app
        .dispatch(message.procedure, message.input)
        .then((result) => post({ type: 'answer', id: message.id, result }));
      return;
    case 'host-answer': {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(message.message));
      return;
    }
    case 'close':
      void app.close().then(() => post({ type: 'closed' }));
      return;
    case 'release':
      return;
  }
});
