/**
 * A reader thread: serves the procedures of ./reads.ts from its own read-only connection to the
 * signed-in user's store (WAL: it reads the last commit while the writer goes on), with the very
 * handlers the writer has. Several run side by side, so a long count or an export does not hold
 * up the next list window.
 */
import { parentPort } from 'node:worker_threads';
import { fail } from '../../shared/contract/result';
import { capabilityHandlers } from '../app/handlers';
import { openReadConnection, type Db } from '../db/connection';
import { createDispatcher, type CallContext, type HandlerMap } from '../ipc/dispatcher';
import { EventHub } from '../ipc/events';
import type { WorkspaceRef } from '../workspace';
import type { FromWorker, ToWorker } from './protocol';
import { READ_PROCEDURES } from './reads';

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const events = new EventHub();
events.subscribe((name, payload) => post({ type: 'event', name, payload }));

const all = capabilityHandlers({ events, now: Date.now, printer: null, labelPrinter: null });
const handlers: HandlerMap = Object.fromEntries(
  Object.entries(all).filter(([name]) => READ_PROCEDURES.has(name as keyof typeof all)),
);

let store: { file: string; db: Db } | null = null;
let calling: WorkspaceRef | null = null;

function release(): void {
  store?.db.close();
  store = null;
}

function storeOf(workspace: WorkspaceRef): Db {
  if (store?.file !== workspace.file) {
    release();
    store = { file: workspace.file, db: openReadConnection(workspace.file) };
  }
  return store.db;
}

const writerOnly = (): never => {
  throw new Error('a reader thread neither writes nor syncs: serve this procedure on the writer (backend/reads.ts)');
};

const dispatch = createDispatcher(handlers, (): CallContext | null =>
  calling
    ? {
        session: calling.session,
        db: storeOf(calling),
        stamp: writerOnly,
        sync: writerOnly,
        changed: writerOnly,
        get service() {
          return writerOnly();
        },
      }
    : null,
);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call': {
      calling = message.workspace ?? null;
      // The dispatcher takes the context synchronously, before its first await: the next call
      // may set another workspace without touching this one.
      const answer = dispatch(message.procedure, message.input);
      calling = null;
      void answer
        .catch(() => fail('INTERNAL', 'Something went wrong in the app; the action was not applied'))
        .then((result) => post({ type: 'answer', id: message.id, result }));
      return;
    }
    case 'release':
      release();
      return;
    case 'close':
      release();
      post({ type: 'closed' });
      return;
    case 'host-answer':
      return;
  }
});
