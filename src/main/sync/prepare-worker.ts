/**
 * A preparing thread of a first sync: a page's bytes, as the downloading thread cut them from the
 * stream, decoded, parsed, checked against the wire schema and laid out as rows (apply-pull.ts
 * preparePage), for the writer thread, which only writes. This is the costliest step of a first
 * sync, so page-stream.ts runs two of these side by side; the downloading thread deals them pages
 * in turn over a port of their own, and each answers the writer with the page's index.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { preparePage } from './apply-pull';
import type { FromPrepareWorker, ToPrepareWorker } from './page-stream';
import { pageOfText } from './pull-stream';

const writer = parentPort!;
writer.once('message', ({ port }: { port: MessagePort }) => {
  port.on('message', ({ index, bytes }: ToPrepareWorker) => {
    const page = pageOfText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    writer.postMessage(
      (page.ok
        ? { index, type: 'page', page: preparePage(page.value) }
        : { index, type: 'failure', failure: page.failure }) satisfies FromPrepareWorker,
    );
  });
});
