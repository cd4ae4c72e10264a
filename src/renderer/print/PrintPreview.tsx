import { createPortal } from 'react-dom';
import { island } from '../app/island';
import { usePrint } from '../stores/print';

// The pages, barcodes and their styles load with the first print run, not before the list.
const Preview = island(() => import('./Preview'), 'Preview');

/**
 * The pages as they will print, over everything else. It lives outside the app's root so the
 * print CSS can hide the whole app and leave only the pages, whichever screen asked to print.
 */
export function PrintPreview() {
  const job = usePrint((s) => s.job);
  if (!job) return null;
  return createPortal(<Preview key={job.at} kind={job.kind} orderNos={job.orderNos} at={job.at} />, document.body);
}
