/**
 * 3. Free-text search as the search box sends it: the first window of 200 matches for a text
 * taken from a random order (order no. prefix, phone fragment, receiver name, tracking number).
 * Every run searches a different order's text, so each one pays its own anchor pass, as a user's
 * new search does.
 */
import { budget, log, type Bench } from './context';
import { latency } from './figures';

const TARGET_MS = 15;
/** Different texts per kind: each run is a new search. */
const SAMPLES = 60;

interface Sampled {
  order_no: string;
  receiver_name: string;
  receiver_phone: string;
  tracking_nos: string;
}

const KINDS: Array<[string, (s: Sampled) => string]> = [
  ['order no. prefix (first 10 characters)', (s) => s.order_no.slice(0, 10)],
  ['phone fragment (6 middle digits)', (s) => s.receiver_phone.slice(3, 9)],
  ['receiver name', (s) => s.receiver_name],
  ['tracking number', (s) => s.tracking_nos.split(/[\s,]+/)[0] ?? ''],
];

export async function search(bench: Bench): Promise<void> {
  const desk = await bench.openDesk();
  try {
    const max = desk.db.prepare('SELECT max(id) FROM orders').pluck().get() as number;
    const pick = desk.db.prepare(
      `SELECT order_no, receiver_name, receiver_phone, tracking_nos FROM orders
       WHERE id >= ? AND tracking_nos <> '' AND receiver_phone <> '' ORDER BY id LIMIT 1`,
    );
    const samples: Sampled[] = [];
    const wanted = bench.runs(SAMPLES);
    for (let i = 0; i < wanted * 3 && samples.length < wanted; i++) {
      const row = pick.get(1 + Math.floor(Math.random() * max)) as Sampled | undefined;
      if (row) samples.push(row);
    }
    for (const [kind, textOf] of KINDS) {
      const times: number[] = [];
      let matches = 0;
      const box = budget(60_000, 5);
      for (const sampled of samples) {
        if (!box.more()) break;
        const text = textOf(sampled);
        if (!text) continue;
        const start = performance.now();
        const answer = await desk.app.dispatch('orders.window', { filter: { text }, offset: 0, limit: 200 });
        times.push(performance.now() - start);
        if (!answer.ok) throw new Error(`search for ${text} failed: ${JSON.stringify(answer)}`);
        matches += (answer.value as { total: number }).total;
      }
      log(
        `search: ${kind}: ${times.length} searches, ${(matches / Math.max(1, times.length)).toFixed(0)} matches each on average`,
      );
      bench.add(...latency(`search · ${kind}`, times, TARGET_MS));
    }
  } finally {
    await desk.close();
  }
}
