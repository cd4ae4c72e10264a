import type { SessionInfo } from '../../shared/contract/api';
import type { DeskLogs } from '../diagnostics/desk-log';
import { createDispatcher, type Dispatch } from '../ipc/dispatcher';
import { EventHub } from '../ipc/events';
import { ExportShelf } from '../orders/export';
import type { LabelPrinter } from '../floor/label-printer';
import type { PdfPrinter } from '../print/handlers';
import type { KeyProtector } from '../session/seal-key';
import type { TokenVault } from '../session/token-vault';
import type { WorkspaceRef } from '../workspace';
import type { DeskBackendOptions } from './options';
import type { FromWorker, HostCall } from './protocol';
import { isReadProcedure } from './reads';
import { BackendThread } from './thread';
import type { WriterData } from './writer-worker';

/** What only main's thread has, lent to the backend. */
export interface HostServices {
  vault: TokenVault;
  /** Electron's window printer; browser mode has none. */
  printer?: PdfPrinter;
  /** Electron's silent printing to a thermal label printer; browser mode has none. */
  labelPrinter?: LabelPrinter;
  /** The OS's protection for the seal keys (Electron's safeStorage); none in browser mode. */
  keyProtector?: KeyProtector | null;
  /** The desk's log files (electron-log writes them from this thread); none in tests. */
  logs?: DeskLogs;
  /** Restarts the desk (Electron: relaunch); none where whoever started it restarts it (browser mode). */
  restart?: () => void;
}

/** The desk's backend as the transports see it: one door for calls, one hub for events. */
export interface DeskBackend {
  dispatch: Dispatch;
  events: EventHub;
  /** Finished CSV exports by id (browser mode serves them as downloads). */
  exports: ExportShelf;
  /** Who is signed in, as the writer last said. */
  session(): SessionInfo | null;
  close(): Promise<void>;
}

const DEFAULT_READERS = 2;

/**
 * Starts the desk's backend on worker threads inside this process: one writer thread runs the
 * whole app (dispatcher, handlers, the user's store, the sync engine) and reader threads serve
 * the long reads (backend/reads.ts) from their own connections. Main's thread keeps only this:
 * it relays calls and events and lends its services, so a first sync or a query over a million
 * orders never stalls the window.
 */
export function startDeskBackend(options: DeskBackendOptions, services: HostServices): DeskBackend {
  const events = new EventHub();
  const exports = new ExportShelf(events);
  let workspace: WorkspaceRef | null = null;
  let closed = false;

  const hostCall = async (call: HostCall, args: unknown[]): Promise<unknown> => {
    const [a, b] = args as [string, string];
    // Bytes cross between threads as plain Uint8Arrays.
    const bytes = () => Buffer.from(args[0] as Uint8Array);
    switch (call) {
      case 'vault.save':
        return services.vault.save(a, b);
      case 'vault.load':
        return services.vault.load(a);
      case 'vault.clear':
        return services.vault.clear(a);
      case 'printer.toPdf':
        if (!services.printer) throw new Error('no printer on this host');
        return services.printer.toPdf(a);
      case 'labelPrinter.print':
        if (!services.labelPrinter) throw new Error('no label printer on this host');
        return services.labelPrinter.print(a, b as never);
      case 'keys.protect':
        if (!services.keyProtector) throw new Error('no key protection on this host');
        return services.keyProtector.protect(bytes());
      case 'keys.unprotect':
        if (!services.keyProtector) throw new Error('no key protection on this host');
        return services.keyProtector.unprotect(bytes());
      case 'app.restart':
        if (!services.restart) throw new Error('this host does not restart itself');
        return services.restart();
    }
  };

  const onMessage = (message: FromWorker, thread: BackendThread): void => {
    switch (message.type) {
      case 'event':
        events.emit(message.name, message.payload as never);
        return;
      case 'workspace':
        workspace = message.workspace;
        for (const reader of readers) reader.post({ type: 'release' });
        return;
      case 'export':
        exports.put(message.id, message.path);
        return;
      case 'log': {
        const log = services.logs?.[message.name];
        if (message.level !== 'error') log?.[message.level](message.message);
        else if (message.error === undefined) log?.error(message.message);
        else log?.error(message.message, message.error);
        return;
      }
      case 'host-call':
        hostCall(message.call, message.args).then(
          (value) => thread.post({ type: 'host-answer', id: message.id, ok: true, value }),
          (error: unknown) => thread.post({ type: 'host-answer', id: message.id, ok: false, message: String(error) }),
        );
        return;
      case 'answer':
      case 'closed':
        return;
    }
  };

  const writerData: WriterData = {
    options,
    printer: services.printer !== undefined,
    labelPrinter: services.labelPrinter !== undefined,
    keyProtector: !!services.keyProtector,
    logsDir: services.logs?.dir ?? null,
    restart: services.restart !== undefined,
  };
  const startWriter = (): BackendThread => {
    const thread = new BackendThread('writer', writerData, onMessage);
    void thread.exited.then(() => {
      if (closed || !thread.crashed) return;
      // A crashed writer took the user's session with it: start again, signed out, and say so.
      console.error('[desk] the writer thread stopped; starting it again');
      services.logs?.backend.error('the writer thread stopped; starting it again signed out');
      workspace = null;
      writer = startWriter();
      events.emit('session.changed', null);
    });
    return thread;
  };
  const startReader = (): BackendThread => {
    const thread = new BackendThread('reader', null, onMessage);
    void thread.exited.then(() => {
      if (closed || !thread.crashed) return;
      readers[readers.indexOf(thread)] = startReader();
    });
    return thread;
  };

  let writer = startWriter();
  // Readers start with the first read: a desk that only syncs (a test's, a crash test's) never pays for them.
  const readerCount = options.readers ?? DEFAULT_READERS;
  const readers: BackendThread[] = [];

  // Who is signed in is main's own knowledge (the writer says so at every sign-in and sign-out):
  // a reload's first question is answered here, never queued behind the writer's sync round.
  // Its caller is the workspace's session alone: nothing of the store lives on this thread.
  const answerHere = createDispatcher<WorkspaceRef>(
    { 'session.current': (ctx) => ctx?.session ?? null },
    () => workspace,
  );

  const dispatch: Dispatch = (procedure, input) => {
    if (procedure === 'session.current') return answerHere(procedure, input);
    const current = workspace;
    if (!current || !isReadProcedure(procedure) || readerCount === 0) return writer.call(procedure, input);
    if (readers.length < readerCount) readers.push(...Array.from({ length: readerCount }, startReader));
    const idlest = readers.reduce((best, r) => (r.busy < best.busy ? r : best));
    return idlest.call(procedure, input, current);
  };

  return {
    dispatch,
    events,
    exports,
    session: () => workspace?.session ?? null,
    async close() {
      closed = true;
      await Promise.all([writer.close(), ...readers.map((r) => r.close())]);
    },
  };
}
