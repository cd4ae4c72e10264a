import { openDatabase, type Db } from './db/connection';
import { loadDemoOrders } from './db/demo';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { EventHub } from './ipc/events';
import { orderHandlers } from './orders/handlers';
import type { Session } from './session/session';

/**
 * Everything main does that is not Electron: the store, the dispatcher and the event hub.
 * Electron's window and the browser-mode HTTP bridge both sit on one of these.
 */
export interface Core {
  db: Db;
  dispatch: Dispatch;
  events: EventHub;
  close(): void;
}

export interface CoreOptions {
  dbFile: string;
  session: () => Session | null;
  now?: () => number;
}

export function createCore({ dbFile, session, now = Date.now }: CoreOptions): Core {
  const db = openDatabase(dbFile);
  const events = new EventHub();
  const handlers: Handlers = {
    'session.current': ({ session: s }) => ({
      userId: s.userId,
      displayName: s.displayName,
      role: s.role,
      deviceId: s.deviceId,
      demo: s.demo,
    }),
    ...orderHandlers(db),
    'demo.load': (_ctx, { count, seed }) => {
      const loaded = loadDemoOrders(db, { count, seed, now: now() });
      events.emit('orders.changed', { orderNos: [], reason: 'demo.load' });
      return { loaded };
    },
  };
  return {
    db,
    dispatch: createDispatcher(handlers, session),
    events,
    close: () => db.close(),
  };
}
