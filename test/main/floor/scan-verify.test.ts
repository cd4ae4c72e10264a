import { describe, expect, it } from 'vitest';
import type { ScanResult, VerifyState } from '../../../src/shared/contract/floor';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { isValidEan13 } from '../../../src/shared/barcode/ean13';
import { DEMO_PRODUCTS } from '../../../src/server/demo/company';
import { serviceOrders } from '../../support/convergence';
import type { TestDesk } from '../../support/desk';
import { useDeskWorld } from '../../support/world';
import { act, sfNumber, waitingToShip } from '../shipping/fixtures';

const barcodeOf = (sku: string) => DEMO_PRODUCTS.find((p) => p.sku === sku)!.barcode!;

async function value<T>(desk: TestDesk, procedure: string, input: unknown): Promise<T> {
  const result = await desk.call(procedure, input);
  if (!result.ok) throw new Error(`${procedure}: ${result.error.code} ${result.error.reason ?? result.error.message}`);
  return result.value as T;
}

const wholeParcel = (order: OrderRecord, trackingNo: string) => ({
  carrier: 'SF',
  trackingNo,
  lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
});

describe('扫描验货 at the warehouse desk', () => {
  const world = useDeskWorld({ demoOrders: 600 });

  it('gives every physical item of the demo catalogue a valid EAN-13, unique across the catalogue', () => {
    const codes = DEMO_PRODUCTS.filter((p) => p.kind === 'PHYSICAL').map((p) => p.barcode);
    expect(codes.every((c) => c !== null && isValidEan13(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DEMO_PRODUCTS.filter((p) => p.kind !== 'PHYSICAL').every((p) => p.barcode === null)).toBe(true);
  });

  it('ticks lines off by barcode and SKU, refuses a wrong item and an extra unit, and keeps the scans', async () => {
    const desk = await world.desk('warehouse1');
    const order = (await waitingToShip(world.service)).find((o) => o.lines.length >= 2)!;
    const [first, second] = order.lines;
    const opened = await value<VerifyState>(desk, 'floor.open', { orderNo: order.orderNo });
    expect(opened).toMatchObject({ complete: false, requireVerification: false, blockedBy: null });
    expect(opened.lines[0]).toMatchObject({ sku: first!.sku, barcode: barcodeOf(first!.sku), verified: 0 });

    const stranger = DEMO_PRODUCTS.find((p) => p.barcode && !order.lines.some((l) => l.sku === p.sku))!;
    const wrong = await value<ScanResult>(desk, 'floor.scan', { orderNo: order.orderNo, code: stranger.barcode });
    expect(wrong).toMatchObject({ accepted: false, refusal: 'WRONG_ITEM', item: { name: stranger.name } });

    const byBarcode = await value<ScanResult>(desk, 'floor.scan', {
      orderNo: order.orderNo,
      code: barcodeOf(first!.sku),
      quantity: first!.quantity,
    });
    expect(byBarcode).toMatchObject({ accepted: true, lineNo: first!.lineNo });
    const extra = await value<ScanResult>(desk, 'floor.scan', { orderNo: order.orderNo, code: first!.sku });
    expect(extra).toMatchObject({ accepted: false, refusal: 'EXTRA_UNIT', item: { name: first!.name } });

    // Closing the order and opening it again keeps what was scanned.
    const again = await value<VerifyState>(desk, 'floor.open', { orderNo: order.orderNo });
    expect(again.lines.find((l) => l.lineNo === first!.lineNo)!.verified).toBe(first!.quantity);
    expect(again.lines.find((l) => l.lineNo === second!.lineNo)!.verified).toBe(0);

    const reset = await value<VerifyState>(desk, 'floor.reset', { orderNo: order.orderNo });
    expect(reset.lines.every((l) => l.verified === 0)).toBe(true);
  });

  it('a warehouse that requires verification ships only scanned parcels, on the desk and at the service', async () => {
    const admin = await world.service.login('admin');
    const set = await admin.post('/v1/admin/warehouses/WH-SH/policy', { requireVerification: true });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await (await world.service.login('warehouse1')).post('/v1/admin/warehouses/WH-SH/policy', {})).status).toBe(
      403,
    );
    const desk = await world.desk('warehouse1');
    const [order, other] = await waitingToShip(world.service);

    expect(await value<VerifyState>(desk, 'floor.open', { orderNo: order!.orderNo })).toMatchObject({
      requireVerification: true,
    });
    // Claiming "verified" does not help: the desk counts its own scans.
    expect(
      await desk.call('orders.ship', {
        orderNo: order!.orderNo,
        parcels: [wholeParcel(order!, sfNumber())],
        verified: true,
      }),
    ).toMatchObject({ ok: false, error: { reason: 'VERIFICATION_REQUIRED' } });
    for (const line of order!.lines)
      await value(desk, 'floor.scan', { orderNo: order!.orderNo, code: line.sku, quantity: line.quantity });
    expect(await value<VerifyState>(desk, 'floor.open', { orderNo: order!.orderNo })).toMatchObject({ complete: true });
    await act(desk, 'orders.ship', { orderNo: order!.orderNo, parcels: [wholeParcel(order!, sfNumber())] });
    await desk.sync();
    expect((await serviceOrders(world.service, 'warehouse1')).get(order!.orderNo)!.status).toBe('PENDING_RECEIPT');
    expect(await value(desk, 'floor.shift', {})).toMatchObject({ orders: 1, parcels: 1 });

    // A desk that does not know the policy yet (or a client of its own) is refused by the service.
    const session = await world.service.login('warehouse1');
    const pushed = await session.push([
      session.intent('SHIP', { orderNo: other!.orderNo, parcels: [wholeParcel(other!, sfNumber())] }),
    ]);
    expect(pushed.body.results[0]).toMatchObject({ status: 'rejected', code: 'VERIFICATION_REQUIRED' });
    await admin.post('/v1/admin/warehouses/WH-SH/policy', { requireVerification: false });
  });
});
