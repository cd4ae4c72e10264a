import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../src/shared/contract/api';
import { PRINT_MAX_ORDERS } from '../../../src/shared/contract/print';
import { serviceOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';

describe('reading orders for a print run', () => {
  const world = useDeskWorld({ demoOrders: 200 });

  it('gives the warehouse desk its orders in the order asked, each once, and names the ones it may not see', async () => {
    const desk = await world.desk('warehouse1');
    const all = [...(await serviceOrders(world.service, 'admin')).values()];
    const mine = all.filter((o) => o.warehouseId === 'WH-SH').slice(0, 3);
    const elsewhere = all.find((o) => o.warehouseId !== 'WH-SH')!;
    expect(mine).toHaveLength(3);
    const asked = [mine[2]!.orderNo, elsewhere.orderNo, mine[0]!.orderNo, mine[2]!.orderNo, 'M2401010000999999'];

    const result = await desk.call('print.orders', { orderNos: asked });
    expect(result.ok).toBe(true);
    const { orders, missing } = (result as { value: OutputOf<'print.orders'> }).value;
    expect(orders.map((o) => o.orderNo)).toEqual([mine[2]!.orderNo, mine[0]!.orderNo]);
    expect(orders[0]!.lines).toEqual(mine[2]!.lines);
    expect(missing).toEqual([elsewhere.orderNo, 'M2401010000999999']);
  });

  it(`refuses more than ${PRINT_MAX_ORDERS} orders at once with a stable code`, async () => {
    const desk = await world.desk('warehouse1');
    const orderNos = Array.from({ length: PRINT_MAX_ORDERS + 1 }, (_, i) => `M240101000${String(i).padStart(7, '0')}`);
    const result = await desk.call('print.orders', { orderNos });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const atCap = await desk.call('print.orders', { orderNos: orderNos.slice(0, PRINT_MAX_ORDERS) });
    expect(atCap).toMatchObject({ ok: true, value: { orders: [] } });
  });

  it('answers NOT_SUPPORTED for a PDF where there is no window to print (browser mode), and refuses a path for a name', async () => {
    const desk = await world.desk('warehouse1');
    expect(await desk.call('print.toPdf', { fileName: 'packing-slips.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SUPPORTED' },
    });
    expect(await desk.call('print.toPdf', { fileName: '../../etc/x.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
