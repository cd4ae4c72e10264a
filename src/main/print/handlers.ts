import { getOrderDetail } from '../db/orders-query';
import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';

/** Saves what the window shows, as printed, to a PDF file; only Electron's shell has one. */
export interface PdfPrinter {
  toPdf(fileName: string): Promise<{ path: string | null }>;
}

type PrintHandlers = Pick<Handlers, 'print.orders' | 'print.toPdf'>;

export const printHandlers = (printer: PdfPrinter | null): PrintHandlers => ({
  'print.orders': ({ session, db }, { orderNos }) => {
    const unique = [...new Set(orderNos)];
    const found = unique.map((orderNo) => ({ orderNo, detail: getOrderDetail(db, session.scope, orderNo) }));
    return {
      orders: found.flatMap(({ detail }) => (detail ? [detail] : [])),
      missing: found.filter(({ detail }) => !detail).map(({ orderNo }) => orderNo),
    };
  },
  'print.toPdf': (_ctx, { fileName }) => {
    if (!printer) throw new ApiFailure('NOT_SUPPORTED', 'Saving a PDF needs the desktop app; use the print dialog');
    return printer.toPdf(fileName);
  },
});
