import { adminHandlers } from '../admin/handlers';
import { connectorHandlers } from '../connectors/handlers';
import { importHandlers } from '../imports/handlers';
import { afterSaleHandlers } from '../aftersales/handlers';
import { customerServiceHandlers } from '../customer-service/handlers';
import { directoryHandlers } from '../directory/directory';
import { exceptionOrderHandlers } from '../exception-orders/handlers';
import { reportHandlers } from '../reports/handlers';
import { reviewHandlers } from '../review/handlers';
import { dealerHandlers } from '../dealer/handlers';
import { exceptionHandlers } from '../exceptions/handlers';
import { floorHandlers } from '../floor/handlers';
import { shipmentHandlers } from '../floor/shipments';
import type { LabelPrinter } from '../floor/label-printer';
import type { Handlers } from '../ipc/dispatcher';
import type { EventHub } from '../ipc/events';
import { orderHandlers } from '../orders/handlers';
import { listHandlers } from '../orders/list-handlers';
import { printHandlers, type PdfPrinter } from '../print/handlers';
import { redemptionHandlers } from '../redemption/handlers';
import { shippingHandlers } from '../shipping/batch';
import { viewHandlers } from '../views/handlers';

/** What the capabilities' handlers may use besides the call's context. */
export interface HandlerDeps {
  events: EventHub;
  now: () => number;
  /** Electron's window printer; browser mode has none and answers NOT_SUPPORTED. */
  printer: PdfPrinter | null;
  /** Electron's silent printing to a thermal label printer; browser mode has none. */
  labelPrinter: LabelPrinter | null;
}

/** Procedures that belong to the app itself (who is signed in, the sync engine), not to a capability. */
export type AppProcedure =
  | 'session.current'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.tokenStorage'
  | 'session.demoAccess'
  | 'sync.status'
  | 'sync.now'
  | 'diagnostics.log'
  | 'diagnostics.export'
  | 'settings.get'
  | 'settings.save'
  | 'settings.restart';

/**
 * Every capability's handlers, in one map. A new capability adds its `…Handlers()` here. The same
 * map serves the writer thread (every procedure) and the reader threads (the procedures listed in
 * ../backend/reads.ts), so a handler is written once and never knows which thread runs it.
 */
export const capabilityHandlers = ({
  events,
  now,
  printer,
  labelPrinter,
}: HandlerDeps): Omit<Handlers, AppProcedure> => ({
  ...orderHandlers(),
  ...listHandlers(events),
  ...viewHandlers(now),
  ...redemptionHandlers(),
  ...exceptionHandlers(),
  ...dealerHandlers(),
  ...afterSaleHandlers(),
  ...customerServiceHandlers(),
  ...reviewHandlers(),
  ...exceptionOrderHandlers(),
  ...reportHandlers(),
  ...directoryHandlers(),
  ...shippingHandlers(),
  ...floorHandlers(labelPrinter),
  ...shipmentHandlers(),
  ...printHandlers(printer),
  ...adminHandlers(),
  ...connectorHandlers(),
  ...importHandlers(),
});
