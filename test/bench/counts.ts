/**
 * 4. Status counts (the tabs' numbers), as the list screen asks for them with each filter. The
 * anchors set no mark for them; they are reported beside the list page's 10 ms for comparison.
 */
import type { OrderListFilter } from '../../src/shared/contract/orders';
import { budget, type Bench } from './context';
import { latency } from './figures';

const DAY = 86_400_000;

export async function counts(bench: Bench): Promise<void> {
  const desk = await bench.openDesk();
  try {
    const latest = desk.db.prepare('SELECT max(created_at) FROM orders').pluck().get() as number;
    const cases: Array<[string, OrderListFilter]> = [
      ['no filter', {}],
      ['warehouse WH-SH', { warehouseIds: ['WH-SH'] }],
      ['created in the last 7 days', { time: { field: 'createdAt', from: latest - 7 * DAY } }],
      ['TMALL + 广东省', { platforms: ['TMALL'], provinces: ['广东省'] }],
      ['text "138"', { text: '138' }],
    ];
    for (const [name, filter] of cases) {
      const times: number[] = [];
      const box = budget(10_000, 5);
      while (times.length < bench.runs(50) && box.more()) {
        const start = performance.now();
        const answer = await desk.app.dispatch('orders.counts', { filter });
        times.push(performance.now() - start);
        if (!answer.ok) throw new Error(`orders.counts failed: ${JSON.stringify(answer)}`);
      }
      bench.add(...latency(`counts · ${name}`, times, null));
    }
  } finally {
    await desk.close();
  }
}
