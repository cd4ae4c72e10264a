import type { OrderRecord } from '../../shared/contract/records';
import { demoOrderStream, type DemoOrderOptions } from '../../shared/demo/generate';
import type { Db } from './connection';
import { upsertOrders } from './ingest';

/**
 * Orders per transaction. Each commit writes every index page the chunk touched (and the
 * checkpoint writes them again), and with random keys a chunk touches most of them, so fewer,
 * larger commits load faster; 10,000 records also stay small in memory (about 50 MB).
 */
const CHUNK = 10_000;

/**
 * Fills the store with demo orders; returns how many were written. Synchronous: about half a
 * minute for 200,000 orders on two cores (generation and ingest both), so callers that must stay
 * responsive run it off the UI's critical path.
 */
export function loadDemoOrders(db: Db, options: DemoOrderOptions): number {
  let chunk: OrderRecord[] = [];
  let loaded = 0;
  for (const order of demoOrderStream(options)) {
    chunk.push(order);
    if (chunk.length === CHUNK) {
      upsertOrders(db, chunk);
      loaded += chunk.length;
      chunk = [];
    }
  }
  upsertOrders(db, chunk);
  loaded += chunk.length;
  return loaded;
}
