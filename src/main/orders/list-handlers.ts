import type { Handlers } from '../ipc/dispatcher';
import type { EventHub } from '../ipc/events';
import { listWindow } from '../db/query/window';
import { startExport } from './export';

type ListHandlers = Pick<Handlers, 'orders.window' | 'orders.export'>;

export const listHandlers = (events: EventHub): ListHandlers => ({
  'orders.window': ({ session, db }, input) => listWindow(db, session.scope, input),
  'orders.export': ({ session, db }, { filter, sort, columns, headers, labels, timeZone, format }) =>
    startExport(db, session.scope, { filter, sort, columns, headers, labels, timeZone, format }, (progress) =>
      events.emit('orders.exportProgress', progress),
    ),
});
